import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { Flex, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { changeLanguage, currentLanguage, isLanguage, storedLanguage } from '../../i18n';
import { saveLocale, useMe } from './auth-api';
import type { Me } from './auth-types';

const SessionContext = createContext<Me | null>(null);

/** The logged-in user; only valid below <RequireAuth>. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() used outside <RequireAuth>');
  return me;
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/**
 * Reconciles the UI language with the account's once per login: a language chosen on this browser
 * wins and is saved to the account; on a browser without a choice, the account's language applies.
 */
function useLocaleSync(me: Me) {
  const queryClient = useQueryClient();
  const synced = useRef<string | null>(null);
  useEffect(() => {
    if (synced.current === me.user.id) return;
    synced.current = me.user.id;
    const chosen = storedLanguage();
    if (chosen) {
      if (chosen !== me.user.locale) saveLocale(queryClient, chosen).catch(() => undefined);
    } else if (isLanguage(me.user.locale) && me.user.locale !== currentLanguage()) {
      void changeLanguage(me.user.locale);
    }
  }, [me, queryClient]);
}

/** Renders the protected routes for a logged-in user, or sends the visitor to the login page. */
export function RequireAuth() {
  const { data: me, isPending, isError, error } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (isError) throw error;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <SessionProvider me={me}>
      <LocaleSync me={me} />
      <Outlet />
    </SessionProvider>
  );
}

function LocaleSync({ me }: { me: Me }) {
  useLocaleSync(me);
  return null;
}
