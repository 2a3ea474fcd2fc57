import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../common/roles';
import { api } from '../../api/client';
import { ME_KEY } from '../auth/auth-api';
import type { Grant, User } from '../auth/auth-types';

export type UserRow = User & { orgName: string | null };
export type UserDetail = UserRow & { grants: Grant[] };

export interface UserFilter {
  q?: string;
  orgId?: string;
  page: number;
  pageSize: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  orcid?: string;
  orgId?: string;
  password: string;
}

export interface UserChanges {
  displayName?: string;
  email?: string | null;
  phone?: string | null;
  orcid?: string | null;
  orgId?: string | null;
  status?: 'active' | 'disabled';
  password?: string;
}

const USERS_KEY = ['users'] as const;

// A changed grant may be the current user's own, which changes what the menu offers.
function invalidateAfterGrantChange(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: USERS_KEY }),
    queryClient.invalidateQueries({ queryKey: ME_KEY }),
  ]);
}

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', filter],
    queryFn: () => api.get<{ items: UserRow[]; total: number }>('/api/users', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...USERS_KEY, 'one', id],
    queryFn: () => api.get<UserDetail>(`/api/users/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useGrants(userId: string | null) {
  return useQuery({
    queryKey: [...USERS_KEY, 'grants', userId],
    queryFn: () => api.get<{ items: Grant[] }>(`/api/users/${encodeURIComponent(userId ?? '')}/grants`).then((r) => r.items),
    enabled: Boolean(userId),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => api.post<UserRow>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) =>
      api.patch<UserRow>(`/api/users/${encodeURIComponent(id)}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useAddGrant(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { role: Role; scopeId?: string }) =>
      api.post<Grant>(`/api/users/${encodeURIComponent(userId)}/grants`, input),
    onSuccess: () => invalidateAfterGrantChange(queryClient),
  });
}

export function useRevokeGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => api.delete(`/api/grants/${encodeURIComponent(grantId)}`),
    onSuccess: () => invalidateAfterGrantChange(queryClient),
  });
}
