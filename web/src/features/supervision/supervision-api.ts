import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SupervisionQuery } from './supervision-filter';
import { scopeOf } from './supervision-filter';
import type {
  Breakdown, BreakdownBy, Charts, FundingInput, Overview, ReminderInput, ReminderLogItem, ReminderResult, ReminderSettings, ScopeFilter,
  SubjectFunding, SubjectPage,
} from './supervision-types';

const SUPERVISION_KEY = ['supervision'] as const;
const enc = encodeURIComponent;

export function useOverview(filter: ScopeFilter) {
  return useQuery({
    queryKey: [...SUPERVISION_KEY, 'overview', scopeOf(filter)],
    queryFn: () => api.get<Overview>('/api/supervision/overview', { ...scopeOf(filter) }),
    placeholderData: keepPreviousData,
  });
}

export function useBreakdown(filter: ScopeFilter, by: BreakdownBy | null) {
  return useQuery({
    queryKey: [...SUPERVISION_KEY, 'breakdown', by, scopeOf(filter)],
    queryFn: () => api.get<Breakdown>('/api/supervision/breakdown', { by: by ?? undefined, ...scopeOf(filter) }),
    enabled: by !== null,
  });
}

/**
 * The units that lead subjects the viewer may supervise (in a province when given), named by the
 * supervision API itself: a province supervisor may not read those organisations' records.
 */
export function useScopeUnits(province: string | undefined) {
  const { data } = useBreakdown({ province }, 'unit');
  return data?.rows ?? [];
}

export function useCharts(filter: ScopeFilter, months: number) {
  return useQuery({
    queryKey: [...SUPERVISION_KEY, 'charts', months, scopeOf(filter)],
    queryFn: () => api.get<Charts>('/api/supervision/charts', { ...scopeOf(filter), months }),
    placeholderData: keepPreviousData,
  });
}

export function useSupervisionSubjects(query: SupervisionQuery) {
  const { overdue, sort, order, page, pageSize } = query;
  const params = { ...scopeOf(query), overdue: overdue ? true : undefined, sort, order, page, pageSize };
  return useQuery({
    queryKey: [...SUPERVISION_KEY, 'subjects', params],
    queryFn: () => api.get<SubjectPage>('/api/supervision/subjects', params),
    placeholderData: keepPreviousData,
  });
}

/** Sends reminders; the lists then show the new "last reminder" and the log the new lines. */
export function useSendReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReminderInput) => api.post<{ results: ReminderResult[] }>('/api/supervision/reminders', input).then((r) => r.results),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...SUPERVISION_KEY, 'subjects'] }),
        queryClient.invalidateQueries({ queryKey: [...SUPERVISION_KEY, 'reminders'] }),
      ]),
  });
}

export function useReminderLog(filter: { subjectCode?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...SUPERVISION_KEY, 'reminders', filter],
    queryFn: () =>
      api.get<{ total: number; items: ReminderLogItem[] }>('/api/supervision/reminders', { subjectCode: filter.subjectCode, page: filter.page, pageSize: filter.pageSize }),
    placeholderData: keepPreviousData,
  });
}

const SETTINGS_KEY = [...SUPERVISION_KEY, 'reminder-settings'] as const;

export function useReminderSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api.get<ReminderSettings>('/api/supervision/reminder-settings') });
}

export function useSaveReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReminderSettings) => api.put<ReminderSettings>('/api/supervision/reminder-settings', input),
    onSuccess: (saved) => queryClient.setQueryData(SETTINGS_KEY, saved),
  });
}

const fundingKey = (code: string) => [...SUPERVISION_KEY, 'funding', code] as const;

export function useFunding(code: string) {
  return useQuery({
    queryKey: fundingKey(code),
    queryFn: () => api.get<SubjectFunding>(`/api/subjects/${enc(code)}/funding`),
    enabled: Boolean(code),
  });
}

/** Reports the amount spent so far; the answer replaces the cached funding (with the new history line). */
export function useSaveFunding(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FundingInput) => api.put<SubjectFunding>(`/api/subjects/${enc(code)}/funding`, input),
    onSuccess: async (funding) => {
      queryClient.setQueryData(fundingKey(code), funding);
      await queryClient.invalidateQueries({ queryKey: [...SUPERVISION_KEY, 'subjects'] });
    },
  });
}
