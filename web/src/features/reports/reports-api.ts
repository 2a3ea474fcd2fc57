import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { isUnfinished, type ProgramContact, type Report, type ReportInput, type ReportSettings, type ReportsQuery } from './report-types';

const REPORTS_KEY = ['reports'] as const;
const LIST_KEY = [...REPORTS_KEY, 'list'] as const;
const SETTINGS_KEY = [...REPORTS_KEY, 'settings'] as const;
const CONTACTS_KEY = [...REPORTS_KEY, 'contacts'] as const;
const enc = encodeURIComponent;

/** How often the list asks again while a report on screen is queued or running. */
export const POLL_MS = 2_000;

type ReportList = { total: number; items: Report[] };

export function useReports(query: ReportsQuery) {
  return useQuery({
    queryKey: [...LIST_KEY, query],
    queryFn: () => api.get<ReportList>('/api/reports', { ...query }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(isUnfinished) ? POLL_MS : false),
  });
}

/** Could the new report be on this cached page? (first page, filters it passes) */
function showsOn(query: ReportsQuery, report: Report): boolean {
  return (
    query.page === 1 &&
    (!query.scopeType || query.scopeType === report.scopeType) &&
    (!query.code || query.code === report.scope.code) &&
    (!query.status || query.status === report.status)
  );
}

/** Queues a report; its row appears at once at the top of the lists it belongs to, then polling follows its progress. */
export function useGenerateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportInput) => api.post<Report>('/api/reports', input),
    onSuccess: async (report) => {
      for (const [key, data] of queryClient.getQueriesData<ReportList>({ queryKey: LIST_KEY })) {
        const query = key[2] as ReportsQuery | undefined;
        if (!data || !query || !showsOn(query, report) || data.items.some((item) => item.id === report.id)) continue;
        queryClient.setQueryData<ReportList>(key, { total: data.total + 1, items: [report, ...data.items].slice(0, query.pageSize) });
      }
      await queryClient.invalidateQueries({ queryKey: LIST_KEY });
    },
  });
}

export function useReportSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api.get<ReportSettings>('/api/reports/settings') });
}

export function useSaveReportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReportSettings) => api.put<ReportSettings>('/api/reports/settings', settings),
    onSuccess: (saved) => queryClient.setQueryData(SETTINGS_KEY, saved),
  });
}

export function useProgramContacts(code: string | undefined) {
  return useQuery({
    queryKey: [...CONTACTS_KEY, code],
    queryFn: () => api.get<{ items: ProgramContact[] }>(`/api/programs/${enc(code ?? '')}/contacts`).then((r) => r.items),
    enabled: Boolean(code),
  });
}

export function useSaveProgramContacts(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: ProgramContact[]) => api.put<{ items: ProgramContact[] }>(`/api/programs/${enc(code)}/contacts`, { items }).then((r) => r.items),
    onSuccess: (saved) => queryClient.setQueryData([...CONTACTS_KEY, code], saved),
  });
}
