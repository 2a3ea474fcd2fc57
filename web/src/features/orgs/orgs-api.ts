import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgKindName } from '../../../../common/roles';
import { api } from '../../api/client';

export interface Org {
  id: string;
  kind: OrgKindName;
  nameZh: string;
  nameEn: string | null;
  parentId: string | null;
  regionCode: string | null;
  creditCode: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Region {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface OrgInput {
  kind: OrgKindName;
  nameZh: string;
  nameEn?: string | null;
  parentId?: string | null;
  regionCode?: string | null;
  creditCode?: string | null;
}

export interface OrgFilter {
  kind?: OrgKindName;
  q?: string;
}

const ORGS_KEY = ['orgs'] as const;

/** The organisations the user may see (the server filters by scope). */
export function useOrgs(filter: OrgFilter = {}) {
  return useQuery({
    queryKey: [...ORGS_KEY, 'list', filter],
    queryFn: () => api.get<{ items: Org[] }>('/api/orgs', { kind: filter.kind, q: filter.q }).then((r) => r.items),
  });
}

export function useOrg(id: string | null | undefined) {
  return useQuery({
    queryKey: [...ORGS_KEY, 'one', id],
    queryFn: () => api.get<Org>(`/api/orgs/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

/** The 34 provincial-level regions (GB/T 2260); they never change while the app runs. */
export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => api.get<{ items: Region[] }>('/api/regions').then((r) => r.items),
    staleTime: Infinity,
  });
}

export function useSaveOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: OrgInput }) =>
      id ? api.patch<Org>(`/api/orgs/${encodeURIComponent(id)}`, input) : api.post<Org>('/api/orgs', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}

export function useDeleteOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/orgs/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}
