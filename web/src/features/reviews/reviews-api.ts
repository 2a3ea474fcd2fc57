import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { CERTIFICATE_STATUS_KEY } from '../certificates/certificates-api';
import type { ResourceDetail } from '../resources/resource-types';
import { RESOURCES_KEY, storeResource } from '../resources/resources-api';
import type {
  BulkInput, BulkResult, CommentInput, DecisionInput, ExpertCandidate, OpinionInput, QueueItem, QueueTier, ReleaseInput, ReviewDetail,
} from './review-types';

const REVIEWS_KEY = ['resource-reviews'] as const;
const QUEUE_KEY = [...REVIEWS_KEY, 'queue'] as const;
const enc = encodeURIComponent;

export const reviewKey = (resourceId: string) => [...REVIEWS_KEY, 'resource', resourceId] as const;

export function useResourceQueue(tier: QueueTier | undefined) {
  return useQuery({
    queryKey: [...QUEUE_KEY, tier],
    queryFn: () => api.get<{ items: QueueItem[] }>('/api/review-queue', { tier }).then((r) => r.items),
    enabled: Boolean(tier),
  });
}

export function useReviewDetail(resourceId: string, enabled = true) {
  return useQuery({
    queryKey: reviewKey(resourceId),
    queryFn: () => api.get<ReviewDetail>(`/api/resources/${enc(resourceId)}/review`),
    enabled: enabled && Boolean(resourceId),
  });
}

export function useExpertCandidates(resourceId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...reviewKey(resourceId), 'candidates'],
    queryFn: () => api.get<{ items: ExpertCandidate[] }>(`/api/resources/${enc(resourceId)}/expert-candidates`).then((r) => r.items),
    enabled,
  });
}

/** Anything a review step changes: the resource (status, open fields), its subject's lists, the queues, and the certificate status (released / in review). */
function refreshAround(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: RESOURCES_KEY }),
    queryClient.invalidateQueries({ queryKey: QUEUE_KEY }),
    queryClient.invalidateQueries({ queryKey: CERTIFICATE_STATUS_KEY }),
  ]);
}

/** A write answered with the review: it replaces the cached one at once; the resource and the queues refresh. */
function useReviewMutation<V>(resourceId: string, send: (variables: V) => Promise<ReviewDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (detail) => {
      queryClient.setQueryData(reviewKey(resourceId), detail);
      await refreshAround(queryClient);
    },
  });
}

/** A write answered with the resource (release, withdrawal, new version): the review of the resource refreshes. */
function useResourceMutation<V>(resourceId: string, send: (variables: V) => Promise<ResourceDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (detail) => {
      await storeResource(queryClient, detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKey(resourceId) }),
        refreshAround(queryClient),
      ]);
    },
  });
}

/** Approve or return many resources of one tier; each is checked as if decided alone. */
export function useBulkDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkInput) => api.post<{ results: BulkResult[] }>('/api/review-queue/bulk', input).then((r) => r.results),
    onSuccess: async (results) => {
      await Promise.all([
        refreshAround(queryClient),
        ...results.map((result) => queryClient.invalidateQueries({ queryKey: reviewKey(result.resourceId) })),
      ]);
    },
  });
}

export function useDecide(resourceId: string) {
  return useReviewMutation(resourceId, (input: DecisionInput) => api.post<ReviewDetail>(`/api/resources/${enc(resourceId)}/decision`, input));
}

export function useAddComment(resourceId: string) {
  return useReviewMutation(resourceId, (input: CommentInput) => api.post<ReviewDetail>(`/api/resources/${enc(resourceId)}/comments`, input));
}

export function useResolveComment(resourceId: string) {
  return useReviewMutation(resourceId, (commentId: string) => api.post<ReviewDetail>(`/api/review-comments/${enc(commentId)}/resolve`));
}

export function useAssignExperts(resourceId: string) {
  return useReviewMutation(resourceId, (expertIds: string[]) => api.post<ReviewDetail>(`/api/resources/${enc(resourceId)}/experts`, { expertIds }));
}

/** The expert's conflict-of-interest declaration; declaring a conflict ends the assignment. */
export function useDeclareConflict(resourceId: string) {
  return useReviewMutation(resourceId, ({ assignmentId, conflict, note }: { assignmentId: string; conflict: boolean; note?: string }) =>
    api.post<ReviewDetail>(`/api/expert-assignments/${enc(assignmentId)}/conflict`, note ? { conflict, note } : { conflict }),
  );
}

export function useSubmitOpinion(resourceId: string) {
  return useReviewMutation(resourceId, ({ assignmentId, input }: { assignmentId: string; input: OpinionInput }) =>
    api.post<ReviewDetail>(`/api/expert-assignments/${enc(assignmentId)}/opinion`, input),
  );
}

export function useRelease(resourceId: string) {
  return useResourceMutation(resourceId, (input: ReleaseInput) => api.post<ResourceDetail>(`/api/resources/${enc(resourceId)}/release`, input));
}

export function useWithdraw(resourceId: string) {
  return useResourceMutation(resourceId, (reason: string) => api.post<ResourceDetail>(`/api/resources/${enc(resourceId)}/withdraw`, { reason }));
}

/** Opens version n+1 of a released resource as a draft; answers with the new draft. */
export function useCreateVersion(resourceId: string) {
  return useResourceMutation(resourceId, () => api.post<ResourceDetail>(`/api/resources/${enc(resourceId)}/versions`));
}
