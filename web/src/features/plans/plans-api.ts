import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { REGISTRY_KEY } from '../registry/registry-api';
import type { DecisionInput, LineInput, Plan, QueueItem, ReviewTierName } from './plan-types';

const PLANS_KEY = ['plans'] as const;
const enc = encodeURIComponent;

export const planKey = (subjectId: string) => [...PLANS_KEY, 'subject', subjectId] as const;

export function usePlan(subjectId: string | undefined) {
  return useQuery({
    queryKey: planKey(subjectId ?? ''),
    queryFn: () => api.get<Plan>(`/api/subjects/${enc(subjectId ?? '')}/plan`),
    enabled: Boolean(subjectId),
  });
}

export function useReviewQueue(tier: ReviewTierName | undefined) {
  return useQuery({
    queryKey: [...PLANS_KEY, 'queue', tier],
    queryFn: () => api.get<{ items: QueueItem[] }>('/api/review-queues/plans', { tier }).then((r) => r.items),
    enabled: Boolean(tier),
  });
}

/**
 * Every plan write answers with the whole plan: it replaces the cached one at once, and the lists
 * that summarise plans (registry, my work, queues) refresh.
 */
function usePlanMutation<V>(subjectId: string, send: (variables: V) => Promise<Plan>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (plan) => {
      queryClient.setQueryData(planKey(subjectId), plan);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: REGISTRY_KEY }),
        queryClient.invalidateQueries({ queryKey: [...PLANS_KEY, 'queue'] }),
      ]);
    },
  });
}

export function useCreatePlan(subjectId: string) {
  return usePlanMutation(subjectId, (lines: LineInput[]) => api.post<Plan>(`/api/subjects/${enc(subjectId)}/plan`, { lines }));
}

export function useSaveLines(subjectId: string) {
  return usePlanMutation(subjectId, ({ versionId, lines }: { versionId: string; lines: LineInput[] }) =>
    api.put<Plan>(`/api/plan-versions/${enc(versionId)}/lines`, { lines }),
  );
}

export function useSubmitPlan(subjectId: string) {
  return usePlanMutation(subjectId, (versionId: string) => api.post<Plan>(`/api/plan-versions/${enc(versionId)}/submit`));
}

export function useDecide(subjectId: string) {
  return usePlanMutation(subjectId, ({ versionId, input }: { versionId: string; input: DecisionInput }) =>
    api.post<Plan>(`/api/plan-versions/${enc(versionId)}/decisions`, input),
  );
}

export function useComment(subjectId: string) {
  return usePlanMutation(subjectId, ({ versionId, body, linePosition, parentId }: { versionId: string; body: string; linePosition?: number | null; parentId?: string | null }) =>
    api.post<Plan>(`/api/plan-versions/${enc(versionId)}/comments`, { body, linePosition: linePosition ?? null, parentId: parentId ?? null }),
  );
}

export function useResolveComment(subjectId: string) {
  return usePlanMutation(subjectId, (commentId: string) => api.post<Plan>(`/api/plan-comments/${enc(commentId)}/resolve`));
}

export function useAmendPlan(subjectId: string) {
  return usePlanMutation(subjectId, (reason: string) => api.post<Plan>(`/api/subjects/${enc(subjectId)}/plan/amendments`, { reason }));
}
