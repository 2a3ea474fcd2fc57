import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  readOnly: boolean;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** The creation response: the only time the server returns the secret. */
export type CreatedToken = ApiToken & { token: string };

const TOKENS_KEY = ['tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => api.get<{ items: ApiToken[] }>('/api/auth/tokens').then((r) => r.items),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays: number; readOnly: boolean }) =>
      api.post<CreatedToken>('/api/auth/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/auth/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export type TokenState = 'active' | 'revoked' | 'expired';

export function tokenState(token: ApiToken, now: Date = new Date()): TokenState {
  if (token.revokedAt) return 'revoked';
  if (new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}
