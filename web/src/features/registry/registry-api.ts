import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, type ApiErrorDetail } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { ME_KEY } from '../auth/auth-api';
import type { Me } from '../auth/auth-types';
import type {
  ImportResult, Invitation, MyWorkItem, Person, Program, ProgramInput, Project, ProjectInput, Subject, SubjectChanges, SubjectDetail,
  SubjectFilter, SubjectInput, SubjectPerson,
} from './registry-types';

export const REGISTRY_KEY = ['registry'] as const;
const enc = encodeURIComponent;

/** Everything cached about subjects and plans; a change to one may show in lists, my work and queues. */
export function invalidateRegistry(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: REGISTRY_KEY }),
    queryClient.invalidateQueries({ queryKey: ['plans'] }),
  ]);
}

export function usePrograms() {
  return useQuery({ queryKey: [...REGISTRY_KEY, 'programs'], queryFn: () => api.get<{ items: Program[] }>('/api/programs').then((r) => r.items) });
}

export function useProjects(programId?: string) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'projects', programId ?? null],
    queryFn: () => api.get<{ items: Project[] }>('/api/projects', { programId }).then((r) => r.items),
  });
}

export function useSubjects(filter: SubjectFilter, enabled = true) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'subjects', filter],
    queryFn: () => api.get<{ items: Subject[]; total: number }>('/api/subjects', { ...filter, overdue: filter.overdue ? true : undefined }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSubject(id: string | undefined) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'subject', id],
    queryFn: () => api.get<SubjectDetail>(`/api/subjects/${enc(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useMyWork() {
  return useQuery({ queryKey: [...REGISTRY_KEY, 'my-work'], queryFn: () => api.get<{ items: MyWorkItem[] }>('/api/my-work').then((r) => r.items) });
}

export function useSaveProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: Partial<ProgramInput> & { status?: string } }) =>
      id ? api.patch<Program>(`/api/programs/${enc(id)}`, input) : api.post<Program>('/api/programs', input),
    onSuccess: () => invalidateRegistry(queryClient),
  });
}

export function useSaveProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: Partial<ProjectInput> & { status?: string } }) =>
      id ? api.patch<Project>(`/api/projects/${enc(id)}`, input) : api.post<Project>('/api/projects', input),
    onSuccess: () => invalidateRegistry(queryClient),
  });
}

export function useCreateSubject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SubjectInput) => api.post<SubjectDetail>('/api/subjects', input),
    onSuccess: () => invalidateRegistry(queryClient),
  });
}

export function useUpdateSubject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: SubjectChanges) => api.patch<SubjectDetail>(`/api/subjects/${enc(id)}`, changes),
    onSuccess: () => invalidateRegistry(queryClient),
  });
}

export function useSetPi(subjectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (person: Person) => api.put<void>(`/api/subjects/${enc(subjectId)}/pi`, person),
    onSuccess: () => invalidateRegistry(queryClient),
  });
}

export function useDesignateSubmitter(subjectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (person: Person) => api.post<Omit<SubjectPerson, 'role' | 'since'>>(`/api/subjects/${enc(subjectId)}/submitters`, person),
    onSuccess: () => invalidateRegistry(queryClient),
  });
}

export function useRevokeSubmitter(subjectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/subjects/${enc(subjectId)}/submitters/${enc(userId)}`),
    onSuccess: () => invalidateRegistry(queryClient),
  });
}

export function useInvitation(token: string | undefined) {
  return useQuery({ queryKey: ['invitation', token], queryFn: () => api.get<Invitation>(`/api/invitations/${enc(token ?? '')}`), enabled: Boolean(token) });
}

export function useAcceptInvitation(token: string) {
  return useMutation({ mutationFn: (password: string) => api.post<{ username: string }>(`/api/invitations/${enc(token)}/accept`, { password }) });
}

export const TEMPLATE_URL = '/api/registry/template';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type the import endpoint expects for a chosen file. */
export function importContentType(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX;
  if (name.endsWith('.csv')) return 'text/csv';
  return null;
}

/**
 * Sends the raw file to the import endpoint (the JSON client cannot send a file body).
 * The CSRF token comes from the session the app already holds.
 */
async function uploadImport(queryClient: QueryClient, file: File, dryRun: boolean): Promise<ImportResult> {
  const contentType = importContentType(file.name) ?? 'application/octet-stream';
  const csrf = queryClient.getQueryData<Me | null>(ME_KEY)?.csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/registry/import?dryRun=${dryRun}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage(), 'Content-Type': contentType, ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
      body: file,
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  const body = (await response.json().catch(() => null)) as (ImportResult & { code?: string; message?: string; details?: ApiErrorDetail[] }) | null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.code ?? `http.${response.status}`, body?.message ?? response.statusText, body?.details ?? []);
  }
  return body as ImportResult;
}

export function useImportFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => uploadImport(queryClient, file, dryRun),
    onSuccess: (result) => (result.dryRun ? undefined : invalidateRegistry(queryClient)),
  });
}
