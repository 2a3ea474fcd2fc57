import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError, setLanguageSource, setUnauthenticatedHandler } from './api/client';
import { AppLayout } from './components/app-layout';
import { ErrorBoundary } from './components/error-boundary';
import { forgetSession, ME_KEY } from './features/auth/auth-api';
import { FullPageSpin, RequireAuth } from './features/auth/session';
import { currentLanguage, i18n } from './i18n';

const LoginPage = lazy(() => import('./pages/login/login-page').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('./pages/home/home-page').then((m) => ({ default: m.HomePage })));
const OrgsPage = lazy(() => import('./pages/orgs/orgs-page').then((m) => ({ default: m.OrgsPage })));
const UsersPage = lazy(() => import('./pages/users/users-page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const AccountPage = lazy(() => import('./pages/account/account-page').then((m) => ({ default: m.AccountPage })));
const NotFoundPage = lazy(() => import('./pages/not-found-page').then((m) => ({ default: m.NotFoundPage })));

/** A query client whose requests do not retry what the server refused (4xx). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

/** Hooks the API client to the session: a 401 anywhere forgets the session (and the login page shows). */
function SessionBridge() {
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  useEffect(() => {
    setUnauthenticatedHandler((error) => {
      const hadSession = Boolean(queryClient.getQueryData(ME_KEY));
      forgetSession(queryClient);
      if (hadSession) message.warning(error.message);
    });
    return () => setUnauthenticatedHandler(() => undefined);
  }, [queryClient, message]);
  return null;
}

const THEME = {
  token: {
    colorPrimary: '#1d4ed8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: { Layout: { siderBg: '#0f1f3d', triggerBg: '#0b1730' }, Menu: { darkItemBg: '#0f1f3d', darkSubMenuItemBg: '#0b1730' } },
};

/** antd follows the UI language (date pickers, pagination, empty states). */
function LocalisedAntd({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const locale = instance.language === 'en' ? enUS : zhCN;
  useEffect(() => {
    document.documentElement.lang = instance.language;
    document.title = instance.t('app.title');
  }, [instance, instance.language]);
  return (
    <ConfigProvider locale={locale} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

setLanguageSource(currentLanguage);

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalisedAntd>
          <SessionBridge />
          {children}
        </LocalisedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

export function AppRoutes() {
  return (
    <ErrorBoundary>
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireAuth />}>
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="orgs" element={<OrgsPage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="account" element={<AccountPage />} />
              <Route path="home" element={<Navigate to="/" replace />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  const queryClient = useMemo(createQueryClient, []);
  return (
    <AppProviders queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
