import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type {
  CreatedVersion, Expert, MyReview, Quorum, ReviewDecision, StandardDiff, StandardDocument, StandardSummary,
  ValidationResult, VersionDetail,
} from './standard-types';

const STANDARDS_KEY = ['standards'] as const;
const versionPath = (id: string) => `/api/standard-versions/${encodeURIComponent(id)}`;

/** Standards with the versions the user may see (drafts only for those who manage or review them). */
export function useStandards() {
  return useQuery({
    queryKey: [...STANDARDS_KEY, 'list'],
    queryFn: () => api.get<{ items: StandardSummary[] }>('/api/standards').then((r) => r.items),
  });
}

export function useStandardVersion(id: string | null | undefined) {
  return useQuery({
    queryKey: [...STANDARDS_KEY, 'version', id],
    queryFn: () => api.get<VersionDetail>(versionPath(id ?? '')),
    enabled: Boolean(id),
  });
}

/** The signed-in expert's review assignments, open ones first. */
export function useMyReviews(enabled: boolean) {
  return useQuery({
    queryKey: [...STANDARDS_KEY, 'my-reviews'],
    queryFn: () => api.get<{ items: MyReview[] }>('/api/standard-reviews/mine').then((r) => r.items),
    enabled,
  });
}

/** Experts of the version's platform who can be asked to review it. */
export function useExperts(versionId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...STANDARDS_KEY, 'experts', versionId],
    queryFn: () => api.get<{ items: Expert[] }>(`${versionPath(versionId)}/experts`).then((r) => r.items),
    enabled,
  });
}

/** What changed from the base version to this one. */
export function useStandardDiff(versionId: string | undefined, baseId: string | undefined) {
  return useQuery({
    queryKey: [...STANDARDS_KEY, 'diff', versionId, baseId],
    queryFn: () => api.get<StandardDiff>(`${versionPath(versionId ?? '')}/diff`, { base: baseId }),
    enabled: Boolean(versionId && baseId),
  });
}

/** Every change to a version touches the list (statuses, new versions) and the version itself. */
function useInvalidating<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: STANDARDS_KEY }) });
}

/** Uploads a new draft version of a standard; a 422 standard.invalid lists every problem. */
export function useUploadVersion() {
  return useInvalidating(({ standardId, document }: { standardId: string; document: StandardDocument }) =>
    api.post<CreatedVersion>(`/api/standards/${encodeURIComponent(standardId)}/versions`, document),
  );
}

/** Replaces the document of a draft (409 standard.not_editable for any other status). */
export function useReplaceDraft() {
  return useInvalidating(({ versionId, document }: { versionId: string; document: StandardDocument }) =>
    api.put<VersionDetail>(versionPath(versionId), document),
  );
}

export function useCloneVersion() {
  return useInvalidating(({ versionId, version }: { versionId: string; version?: string }) =>
    api.post<CreatedVersion>(`${versionPath(versionId)}/clone`, version ? { version } : {}),
  );
}

export function useSubmitForReview() {
  return useInvalidating(({ versionId, expertIds, quorum }: { versionId: string; expertIds: string[]; quorum: Quorum }) =>
    api.post<VersionDetail>(`${versionPath(versionId)}/submit`, { expertIds, quorum }),
  );
}

export function useReviewVersion() {
  return useInvalidating(({ versionId, decision, comment }: { versionId: string; decision: ReviewDecision; comment: string }) =>
    api.post<VersionDetail>(`${versionPath(versionId)}/reviews`, { decision, comment: comment.trim() || null }),
  );
}

export function useRetireVersion() {
  return useInvalidating((versionId: string) => api.post<VersionDetail>(`${versionPath(versionId)}/retire`));
}

/** Checks a record against the version with the API's own validator; messages come in the UI language. */
export function validateRecord(versionId: string, type: string, record: Record<string, unknown>, partial = false) {
  return api.post<ValidationResult>(`${versionPath(versionId)}/validate`, { type, record, partial });
}

/** The Excel template of a resource type (a plain download link; public for approved versions). */
export function templateUrl(versionId: string, type: string): string {
  return withQuery(`${versionPath(versionId)}/template`, { type });
}
