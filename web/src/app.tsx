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
const StandardsPage = lazy(() => import('./pages/standards/standards-page').then((m) => ({ default: m.StandardsPage })));
const StandardVersionPage = lazy(() => import('./pages/standards/standard-version-page').then((m) => ({ default: m.StandardVersionPage })));
const MyWorkPage = lazy(() => import('./pages/my-work/my-work-page').then((m) => ({ default: m.MyWorkPage })));
const SubjectsPage = lazy(() => import('./pages/subjects/subjects-page').then((m) => ({ default: m.SubjectsPage })));
const SubjectPage = lazy(() => import('./pages/subjects/subject-page').then((m) => ({ default: m.SubjectPage })));
const ProgramsPage = lazy(() => import('./pages/registry/programs-page').then((m) => ({ default: m.ProgramsPage })));
const ImportPage = lazy(() => import('./pages/registry/import-page').then((m) => ({ default: m.ImportPage })));
const ReviewQueuePage = lazy(() => import('./pages/reviews/review-queue-page').then((m) => ({ default: m.ReviewQueuePage })));
const ResourcePage = lazy(() => import('./pages/resources/resource-page').then((m) => ({ default: m.ResourcePage })));
const DepositInboxPage = lazy(() => import('./pages/resources/deposit-inbox-page').then((m) => ({ default: m.DepositInboxPage })));
const InvitePage = lazy(() => import('./pages/invite/invite-page').then((m) => ({ default: m.InvitePage })));
const AccountPage = lazy(() => import('./pages/account/account-page').then((m) => ({ default: m.AccountPage })));
const ReviewSettingsPage = lazy(() => import('./pages/platforms/review-settings-page').then((m) => ({ default: m.ReviewSettingsPage })));
const ReviewSettingsEntry = lazy(() => import('./pages/platforms/review-settings-page').then((m) => ({ default: m.ReviewSettingsEntry })));
const VerifyPage = lazy(() => import('./pages/verify/verify-page').then((m) => ({ default: m.VerifyPage })));
const PortalLayout = lazy(() => import('./features/portal/portal-layout').then((m) => ({ default: m.PortalLayout })));
const SearchPage = lazy(() => import('./pages/portal/search-page').then((m) => ({ default: m.SearchPage })));
const LandingPage = lazy(() => import('./pages/portal/landing-page').then((m) => ({ default: m.LandingPage })));
const RegisterPage = lazy(() => import('./pages/portal/register-page').then((m) => ({ default: m.RegisterPage })));
const VerifyEmailPage = lazy(() => import('./pages/portal/verify-email-page').then((m) => ({ default: m.VerifyEmailPage })));
const MyApplicationsPage = lazy(() => import('./pages/portal/my-applications-page').then((m) => ({ default: m.MyApplicationsPage })));
const ApplicationsInboxPage = lazy(() => import('./pages/portal/applications-inbox-page').then((m) => ({ default: m.ApplicationsInboxPage })));
const ReuseInboxPage = lazy(() => import('./pages/reuse/reuse-inbox-page').then((m) => ({ default: m.ReuseInboxPage })));
const ReportsPage = lazy(() => import('./pages/reports/reports-page').then((m) => ({ default: m.ReportsPage })));
const EvaluationPage = lazy(() => import('./pages/evaluation/evaluation-page').then((m) => ({ default: m.EvaluationPage })));
const EvaluationSubjectPage = lazy(() => import('./pages/evaluation/evaluation-subject-page').then((m) => ({ default: m.EvaluationSubjectPage })));
const EvaluationRulesPage = lazy(() => import('./pages/evaluation/evaluation-rules-page').then((m) => ({ default: m.EvaluationRulesPage })));
const SupervisionPage = lazy(() => import('./pages/supervision/supervision-page').then((m) => ({ default: m.SupervisionPage })));
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
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route path="/verify" element={<VerifyPage />} />
          <Route path="/verify/:code" element={<VerifyPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/verify-email/:token" element={<VerifyEmailPage />} />
          <Route element={<PortalLayout />}>
            <Route path="/search" element={<SearchPage />} />
            <Route path="/r/:id" element={<LandingPage />} />
            <Route path="/r/:id/v/:n" element={<LandingPage />} />
          </Route>
          <Route element={<RequireAuth />}>
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="orgs" element={<OrgsPage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="standards" element={<StandardsPage />} />
              <Route path="standards/versions/:id" element={<StandardVersionPage />} />
              <Route path="my-work" element={<MyWorkPage />} />
              <Route path="subjects" element={<SubjectsPage />} />
              <Route path="subjects/:id" element={<SubjectPage />} />
              <Route path="subjects/:id/plan" element={<SubjectPage />} />
              <Route path="subjects/:id/resources" element={<SubjectPage />} />
              <Route path="subjects/:id/certificate" element={<SubjectPage />} />
              <Route path="resources/:id" element={<ResourcePage />} />
              <Route path="deposits" element={<DepositInboxPage />} />
              <Route path="registry/programs" element={<ProgramsPage />} />
              <Route path="registry/import" element={<ImportPage />} />
              <Route path="reviews" element={<ReviewQueuePage />} />
              <Route path="review-settings" element={<ReviewSettingsEntry />} />
              <Route path="platforms/:id/review-settings" element={<ReviewSettingsPage />} />
              <Route path="account" element={<AccountPage />} />
              <Route path="applications" element={<MyApplicationsPage />} />
              <Route path="applications/inbox" element={<ApplicationsInboxPage />} />
              <Route path="reuse" element={<ReuseInboxPage />} />
              <Route path="reports" element={<ReportsPage />} />
              <Route path="evaluation" element={<EvaluationPage />} />
              <Route path="evaluation/subjects/:code" element={<EvaluationSubjectPage />} />
              <Route path="evaluation/rules" element={<EvaluationRulesPage />} />
              <Route path="supervision" element={<SupervisionPage />} />
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
