import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { invalidateRegistry } from '../registry/registry-api';
import type { CertificateStatus, Verification } from './certificate-types';

const enc = encodeURIComponent;
/** Every subject's certificate status (what is released or in review changes it). */
export const CERTIFICATE_STATUS_KEY = ['certificates', 'status'] as const;
export const certificateStatusKey = (subjectId: string) => [...CERTIFICATE_STATUS_KEY, subjectId] as const;

export function useCertificateStatus(subjectId: string) {
  return useQuery({
    queryKey: certificateStatusKey(subjectId),
    queryFn: () => api.get<CertificateStatus>(`/api/subjects/${enc(subjectId)}/certificate-status`),
    enabled: Boolean(subjectId),
  });
}

/** Waivers and issuing answer with the whole status: it replaces the cached one, and subject lists refresh. */
function useStatusMutation<V>(subjectId: string, send: (variables: V) => Promise<CertificateStatus>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (status) => {
      queryClient.setQueryData(certificateStatusKey(subjectId), status);
      await invalidateRegistry(queryClient);
    },
  });
}

export function useWaive(subjectId: string) {
  return useStatusMutation(subjectId, (input: { resourceType: string; reason: string }) =>
    api.post<CertificateStatus>(`/api/subjects/${enc(subjectId)}/waivers`, input),
  );
}

export function useIssueCertificate(subjectId: string) {
  return useStatusMutation(subjectId, () => api.post<CertificateStatus>(`/api/subjects/${enc(subjectId)}/certificate`));
}

/** The public check of a verification code; a 404 means no such certificate. */
export function useVerification(code: string) {
  return useQuery({
    queryKey: ['certificates', 'verify', code],
    queryFn: () => api.get<Verification>(`/api/verify/${enc(code)}`),
    enabled: Boolean(code),
  });
}
