import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface AuditEntry {
  /** A sequence number (the position in the hash chain). */
  id: number | string;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  hash: string;
}

export interface AuditFilter {
  action?: string;
  objectType?: string;
  actorId?: string;
  page: number;
  pageSize: number;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: number | string | null;
  reason: string | null;
}

export function useAuditEntries(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', 'list', filter],
    queryFn: () => api.get<{ items: AuditEntry[]; total: number }>('/api/audit', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

/** Recomputes the hash chain on the server; a mutation because it is an explicit, slow action. */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => api.get<ChainVerification>('/api/audit/verify') });
}
