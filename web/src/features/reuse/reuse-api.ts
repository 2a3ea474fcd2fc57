import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ReuseDecisionInput, ReuseInboxAnswer, ReuseInput, ReuseReport, ReuseStatus } from './reuse-types';

const REUSE_KEY = ['reuse'] as const;
const RESOURCE_REUSE_KEY = [...REUSE_KEY, 'resource'] as const;
const INBOX_KEY = [...REUSE_KEY, 'inbox'] as const;
const enc = encodeURIComponent;

/** Accepted reuse of a resource, plus the caller's own pending reports (public). */
export function useResourceReuse(resourceId: string) {
  return useQuery({
    queryKey: [...RESOURCE_REUSE_KEY, resourceId],
    queryFn: () => api.get<{ items: ReuseReport[] }>(`/api/resources/${enc(resourceId)}/reuse`).then((r) => r.items),
    enabled: Boolean(resourceId),
  });
}

/** Reports a citation or a benefit; the report shows at once among the resource's reuse as pending. */
export function useReportReuse(resourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReuseInput) => api.post<ReuseReport>(`/api/resources/${enc(resourceId)}/reuse`, input),
    onSuccess: async (report) => {
      queryClient.setQueryData<ReuseReport[]>([...RESOURCE_REUSE_KEY, resourceId], (items) =>
        items && !items.some((item) => item.id === report.id) ? [...items, report] : items,
      );
      await queryClient.invalidateQueries({ queryKey: REUSE_KEY });
    },
  });
}

export interface ReuseInboxQuery {
  status: ReuseStatus;
  page: number;
  pageSize: number;
}

/** The reuse reports of the resources the reviewer answers for (the ministry: all). */
export function useReuseInbox(query: ReuseInboxQuery) {
  return useQuery({
    queryKey: [...INBOX_KEY, query],
    queryFn: () => api.get<ReuseInboxAnswer>('/api/reuse', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useDecideReuse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ReuseDecisionInput & { id: string }) => api.post<ReuseReport>(`/api/reuse/${enc(id)}/decision`, input),
    // Decided or not (409: someone else was first), the inbox is out of date.
    onSettled: () => queryClient.invalidateQueries({ queryKey: REUSE_KEY }),
  });
}
