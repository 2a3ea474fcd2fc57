import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client';
import type {
  Application, ApplicationInput, DecisionInput, PortalResource, RegisterInput, ResourceUsageAnswer, SearchAnswer,
} from './portal-types';
import { searchParams, type SearchQuery } from './search-query';

const enc = encodeURIComponent;
const PORTAL_KEY = ['portal'] as const;
const RESOURCE_KEY = [...PORTAL_KEY, 'resource'] as const;
const APPLICATIONS_KEY = ['applications'] as const;

/** The search of the page URL; the previous answer stays on screen while the next one loads. */
export function useSearch(query: SearchQuery) {
  const text = searchParams(query).toString();
  return useQuery({
    queryKey: [...PORTAL_KEY, 'search', text],
    queryFn: () => request<SearchAnswer>('GET', text ? `/api/portal/search?${text}` : '/api/portal/search'),
    placeholderData: keepPreviousData,
  });
}

/** A landing page: the resource of the route, or a version of its lineage. */
export function usePortalResource(id: string, version?: number) {
  return useQuery({
    queryKey: [...RESOURCE_KEY, id, version ?? null],
    queryFn: () => api.get<PortalResource>(`/api/portal/resources/${enc(id)}`, { version }),
    enabled: Boolean(id),
  });
}

/** Monthly usage of a resource (for the trend chart); optional, so no retries. */
export function useResourceUsage(id: string) {
  return useQuery({
    queryKey: [...PORTAL_KEY, 'usage', id],
    queryFn: () => api.get<ResourceUsageAnswer>(`/api/usage/resources/${enc(id)}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export const portalPaths = {
  file: (resourceId: string, fileId: string) => `/api/portal/resources/${enc(resourceId)}/files/${enc(fileId)}`,
  citation: (resourceId: string, format: 'gbt7714' | 'bibtex' | 'ris') => `/api/portal/resources/${enc(resourceId)}/citation?format=${format}&download=1`,
  datacite: (resourceId: string, kind: 'xml' | 'json') => `/api/portal/resources/${enc(resourceId)}/datacite.${kind}`,
  bag: (resourceId: string) => `/api/portal/resources/${enc(resourceId)}/bag.zip`,
};

/** Applies for access; the landing page then shows the pending application, and 我的申请 lists it. */
export function useApply(resourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApplicationInput) => api.post<Application>(`/api/portal/resources/${enc(resourceId)}/applications`, input),
    onSuccess: async (application) => {
      // Show 审核中 at once, whatever version of the lineage is on screen; the server's answer follows.
      queryClient.setQueriesData<PortalResource>({ queryKey: RESOURCE_KEY }, (resource) =>
        resource && resource.id === resourceId
          ? {
              ...resource,
              access: {
                ...resource.access,
                canDownload: false,
                reason: 'application_pending',
                application: { id: application.id, status: application.status, expiresAt: application.expiresAt, reason: application.reason },
              },
            }
          : resource,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: RESOURCE_KEY }),
        queryClient.invalidateQueries({ queryKey: APPLICATIONS_KEY }),
      ]);
    },
  });
}

/** Offline resources: a message to the provider, mailed by the server. */
export function useContactRequest(resourceId: string) {
  return useMutation({
    mutationFn: (input: { name: string; email: string; message: string }) =>
      api.post<unknown>(`/api/portal/resources/${enc(resourceId)}/contact-requests`, input),
  });
}

export function useMyApplications() {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'mine'],
    queryFn: () => api.get<{ items: Application[] }>('/api/applications/mine').then((r) => r.items),
  });
}

export function useApplicationsInbox() {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'inbox'],
    queryFn: () => api.get<{ items: Application[] }>('/api/applications/inbox').then((r) => r.items),
  });
}

export function useDecideApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: DecisionInput & { id: string }) => api.post<Application>(`/api/applications/${enc(id)}/decision`, input),
    onSuccess: async (decided) => {
      queryClient.setQueryData<Application[]>([...APPLICATIONS_KEY, 'inbox'], (items) => items?.map((item) => (item.id === decided.id ? decided : item)));
      await queryClient.invalidateQueries({ queryKey: APPLICATIONS_KEY });
    },
  });
}

export function useRegister() {
  return useMutation({
    mutationFn: (input: RegisterInput) => api.post<{ status: 'verification_sent' }>('/api/auth/register', input),
  });
}

/**
 * Confirms an email address once per token. A query rather than an effect-driven mutation: the token
 * is single-use, and a query is sent once however often the page mounts.
 */
export function useVerifyEmail(token: string) {
  return useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => api.post<{ username: string }>('/api/auth/verify-email', { token }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
