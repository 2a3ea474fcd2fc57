import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DeliveryRow, Deposit, DepositInput, InboxItem, ReceiptInput, ResourceDetail, ResourceSummary } from './resource-types';

export const RESOURCES_KEY = ['resources'] as const;
const enc = encodeURIComponent;

export const resourceKey = (id: string) => [...RESOURCES_KEY, 'one', id] as const;
const subjectKey = (subjectId: string) => [...RESOURCES_KEY, 'subject', subjectId] as const;

export function useSubjectResources(subjectId: string) {
  return useQuery({
    queryKey: [...subjectKey(subjectId), 'list'],
    queryFn: () => api.get<{ items: ResourceSummary[] }>(`/api/subjects/${enc(subjectId)}/resources`).then((r) => r.items),
  });
}

export function useDelivery(subjectId: string) {
  return useQuery({
    queryKey: [...subjectKey(subjectId), 'delivery'],
    queryFn: () => api.get<{ items: DeliveryRow[] }>(`/api/subjects/${enc(subjectId)}/delivery`).then((r) => r.items),
  });
}

export function useResource(id: string) {
  return useQuery({ queryKey: resourceKey(id), queryFn: () => api.get<ResourceDetail>(`/api/resources/${enc(id)}`), enabled: Boolean(id) });
}

/** A resource changed: its page takes the fresh copy, its subject's lists and counts refresh. */
export function storeResource(queryClient: QueryClient, detail: ResourceDetail) {
  queryClient.setQueryData(resourceKey(detail.id), detail);
  return queryClient.invalidateQueries({ queryKey: subjectKey(detail.subjectId) });
}

export function useCreateResource(subjectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (resourceType: string) => api.post<ResourceDetail>(`/api/subjects/${enc(subjectId)}/resources`, { resourceType }),
    onSuccess: (detail) => storeResource(queryClient, detail),
  });
}

/** Autosave: answers with the resource and its current problems (drafts may be incomplete). */
export function saveMetadata(id: string, metadata: Record<string, unknown>) {
  return api.put<ResourceDetail>(`/api/resources/${enc(id)}/metadata`, { metadata });
}

/** Submits for review; 422 resource.invalid lists every problem, 422 resource.deposit_required for physical items. */
export function useSubmitResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ResourceDetail>(`/api/resources/${enc(id)}/submit`),
    onSuccess: (detail) => storeResource(queryClient, detail),
  });
}

export function useDeleteResource(subjectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/resources/${enc(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: subjectKey(subjectId) }),
  });
}

export function useRemoveFile(resourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => api.delete<ResourceDetail>(`/api/resources/${enc(resourceId)}/files/${enc(fileId)}`),
    onSuccess: (detail) => storeResource(queryClient, detail),
  });
}

export function useRecordDeposit(resourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DepositInput) => api.post<ResourceDetail>(`/api/resources/${enc(resourceId)}/deposits`, input),
    onSuccess: (detail) => storeResource(queryClient, detail),
  });
}

/** Deposits addressed to the repositories the user administers. */
export function useDepositInbox() {
  return useQuery({
    queryKey: [...RESOURCES_KEY, 'inbox'],
    queryFn: () => api.get<{ items: InboxItem[] }>('/api/deposits/inbox').then((r) => r.items),
  });
}

export function useConfirmReceipt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ depositId, input }: { depositId: string; input: ReceiptInput }) => api.post<Deposit>(`/api/deposits/${enc(depositId)}/receipt`, input),
    onSuccess: (deposit) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...RESOURCES_KEY, 'inbox'] }),
        queryClient.invalidateQueries({ queryKey: resourceKey(deposit.resourceId) }),
      ]),
  });
}

/** Where a stored file downloads from (the session cookie authorises it; Range supported). */
export function fileContentUrl(resourceId: string, fileId: string): string {
  return `/api/resources/${enc(resourceId)}/files/${enc(fileId)}/content`;
}

/** The last autosave when the page goes away: a keepalive request that outlives the page. */
export function saveMetadataOnExit(id: string, metadata: Record<string, unknown>, csrfToken: string): void {
  try {
    void fetch(`/api/resources/${enc(id)}/metadata`, {
      method: 'PUT',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({ metadata }),
    }).catch(() => undefined);
  } catch {
    // Too large for keepalive (64 KB): the debounced save has run or the change is lost with the page.
  }
}
