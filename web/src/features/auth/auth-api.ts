import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../api/client';
import type { Language } from '../../i18n';
import type { Me } from './auth-types';

export const ME_KEY = ['auth', 'me'] as const;

/** The session, or null when nobody is logged in; keeps the CSRF token for later writes. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Forgets everything cached for the previous user and marks the session as gone. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { login: string; password: string }) => {
      await api.post<{ expiresAt: string }>('/api/auth/login', input);
      // Nothing cached for a previous user may show to this one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      return queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
    },
  });
}

/**
 * Ends the session on the server, then reloads the app at the login page: nothing the previous
 * user saw stays in memory, and no screen remembers where they were.
 */
export function useLogout() {
  return useMutation({
    // Even if the server call fails (session already gone), the browser leaves the session.
    mutationFn: () => api.post<void>('/api/auth/logout').catch(() => undefined),
    onSettled: () => {
      setCsrfToken(null);
      window.location.replace('/login');
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.put<void>('/api/auth/password', input),
  });
}

/** Saves the UI language on the account, so it follows the user to other browsers. */
export async function saveLocale(queryClient: QueryClient, locale: Language): Promise<void> {
  await api.put<void>('/api/auth/locale', { locale });
  queryClient.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, user: { ...me.user, locale } } : me));
}
