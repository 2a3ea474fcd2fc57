import { useCallback } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client';
import type { Rules, RulesAnswer, Run, RunsAnswer, SaveRulesAnswer, ScoreQuery, ScoresAnswer, SubjectScoreAnswer } from './evaluation-types';
import { scoreApiParams } from './score-query';

const enc = encodeURIComponent;
const EVALUATION_KEY = ['evaluation'] as const;
const RULES_KEY = [...EVALUATION_KEY, 'rules'] as const;
const RUNS_KEY = [...EVALUATION_KEY, 'runs'] as const;
/** How often a queued or running run is looked at again. */
export const RUN_POLL_MS = 1_000;

const isActive = (run: Run) => run.status === 'queued' || run.status === 'running';

/** A ranking of one level; the previous answer stays on screen while the next one loads. */
export function useScores(query: ScoreQuery) {
  const text = scoreApiParams(query).toString();
  return useQuery({
    queryKey: [...EVALUATION_KEY, 'scores', text],
    queryFn: () => request<ScoresAnswer>('GET', `/api/evaluation/scores?${text}`),
    placeholderData: keepPreviousData,
  });
}

/** How one subject's score was computed in a run (the newest done run without one). */
export function useSubjectScore(code: string, run?: string) {
  return useQuery({
    queryKey: [...EVALUATION_KEY, 'subject', code, run ?? null],
    queryFn: () => api.get<SubjectScoreAnswer>(`/api/evaluation/subjects/${enc(code)}`, { run }),
    enabled: Boolean(code),
  });
}

/**
 * The newest runs. While `watch` is set (a run just queued) or any listed run is still queued or
 * running, the list is fetched again every second so the page sees the run finish.
 */
export function useRuns({ pageSize = 50, watch }: { pageSize?: number; watch?: string | null } = {}) {
  return useQuery({
    queryKey: [...RUNS_KEY, pageSize],
    queryFn: () => api.get<RunsAnswer>('/api/evaluation/runs', { page: 1, pageSize }),
    refetchInterval: (query) => {
      const items = query.state.data?.items ?? [];
      const watched = watch ? items.find((run) => run.id === watch) : undefined;
      if (watch && (!watched || isActive(watched))) return RUN_POLL_MS;
      return items.some(isActive) ? RUN_POLL_MS : false;
    },
  });
}

export function useRules(enabled = true) {
  return useQuery({ queryKey: RULES_KEY, queryFn: () => api.get<RulesAnswer>('/api/evaluation/rules'), enabled });
}

/** Saves a new rule version; the server queues a run under it, which the runs list then follows. */
export function useSaveRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { rules: Rules; note: string }) => api.post<SaveRulesAnswer>('/api/evaluation/rules', input),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: RULES_KEY }), queryClient.invalidateQueries({ queryKey: RUNS_KEY })]);
    },
  });
}

/** Queues a run: a new one as of now, or (with an id) the same rule version and as-of again. */
export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recomputeOf?: string) =>
      recomputeOf ? api.post<Run>(`/api/evaluation/runs/${enc(recomputeOf)}/recompute`) : api.post<Run>('/api/evaluation/runs'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RUNS_KEY }),
  });
}

/** Once a run is done, the rankings and computations it feeds are read again. */
export function useRefreshScores() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: EVALUATION_KEY, predicate: (query) => query.queryKey[1] === 'scores' || query.queryKey[1] === 'subject' }),
    [queryClient],
  );
}

export const recordPaths = {
  person: (userId: string) => `/api/records/people/${enc(userId)}/pdf`,
  unit: (creditCode: string) => `/api/records/units/${enc(creditCode)}/pdf`,
};
