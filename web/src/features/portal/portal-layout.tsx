import { Suspense, useEffect, useState } from 'react';
import { Button, Input, Layout, Space, Typography, theme } from 'antd';
import { AppstoreOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Brand } from '../../components/app-layout';
import { ErrorBoundary } from '../../components/error-boundary';
import { LanguageSwitch } from '../../components/language-switch';
import { useMe } from '../auth/auth-api';
import { FullPageSpin } from '../auth/session';
import { useNarrow } from './use-narrow';

/** The search box of the header (on every portal page but the search page, which has its own). */
function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  return (
    <Input.Search
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(value) => navigate(value.trim() ? `/search?q=${encodeURIComponent(value.trim())}` : '/search')}
      placeholder={t('portal.search.placeholder')}
      allowClear
      style={{ maxWidth: 420 }}
      data-testid="header-search"
    />
  );
}

/** Log in / register, or who is logged in with a way into the workspace; the return URL is this page. */
function SessionLinks({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe().data ?? null;
  if (me) {
    return (
      <Space size={4}>
        {!compact && (
          <Typography.Text data-testid="portal-user">
            <UserOutlined style={{ marginInlineEnd: 6 }} />
            {me.user.displayName}
          </Typography.Text>
        )}
        <Link to="/">
          <Button type="link" icon={<AppstoreOutlined />} data-testid="portal-workspace">
            {t('portal.layout.workspace')}
          </Button>
        </Link>
      </Space>
    );
  }
  return (
    <Space size={4}>
      <Link to="/login" state={{ from: location.pathname + location.search }} data-testid="portal-login">
        <Button type="link">{t('portal.layout.login')}</Button>
      </Link>
      <Link to="/register" data-testid="portal-register">
        {compact ? (
          <Button type="link" style={{ paddingInline: 4 }}>
            {t('portal.layout.register')}
          </Button>
        ) : (
          <Button type="primary" ghost>
            {t('portal.layout.register')}
          </Button>
        )}
      </Link>
    </Space>
  );
}

/**
 * The public frame of the open portal (search, landing pages): no login needed, but the session is read
 * so a logged-in visitor sees their name and is recognised by the API. The session is settled before the
 * page's own requests start, so an anonymous answer to /api/auth/me never clears their cache mid-flight.
 */
export function PortalLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const location = useLocation();
  const me = useMe();
  const onSearchPage = location.pathname === '/search';
  const compact = useNarrow();

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fb' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          padding: compact ? '0 8px 0 0' : '0 24px 0 4px',
          display: 'flex',
          alignItems: 'center',
          gap: compact ? 4 : 16,
          position: 'sticky',
          top: 0,
          zIndex: 10,
          height: 64,
        }}
      >
        <Link to="/search" aria-label={t('portal.layout.home')} data-testid="portal-brand">
          <Brand dark={false} collapsed={compact} />
        </Link>
        <div style={{ flex: 1, minWidth: 0 }}>{!onSearchPage && <HeaderSearch />}</div>
        <LanguageSwitch size="small" />
        {!me.isPending && <SessionLinks compact={compact} />}
      </Layout.Header>
      <Layout.Content style={{ padding: compact ? '12px 12px 8px' : '24px 24px 8px' }}>
        <div style={{ maxWidth: 1240, margin: '0 auto' }}>
          {me.isPending ? (
            <FullPageSpin />
          ) : (
            <ErrorBoundary resetKey={location.pathname}>
              <Suspense fallback={<FullPageSpin />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          )}
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary, fontSize: 12, padding: '12px 24px 20px', background: 'transparent' }}>
        {t('app.footer')}
      </Layout.Footer>
    </Layout>
  );
}
