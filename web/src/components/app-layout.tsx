import { Suspense, useState } from 'react';
import { Avatar, Button, Dropdown, Flex, Layout, Menu, Typography, theme } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../features/auth/auth-api';
import { FullPageSpin, useSession } from '../features/auth/session';
import { ErrorBoundary } from './error-boundary';
import { LanguageSwitch } from './language-switch';
import { activeNavPath, visibleNavItems } from './nav-items';

export function Brand({ collapsed = false, dark = true }: { collapsed?: boolean; dark?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={10} style={{ padding: collapsed ? '0 20px' : '0 20px', height: 64, overflow: 'hidden' }}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed && (
        <span style={{ color: dark ? '#fff' : '#1f2937', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </span>
      )}
    </Flex>
  );
}

/** The signed-in frame: side menu by capability, header with language, user and logout. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const items = visibleNavItems(me);
  const active = activeNavPath(location.pathname, items);

  const onLogout = () => logout.mutate();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} trigger={null} width={224} breakpoint="lg" onBreakpoint={setCollapsed}>
        <Brand collapsed={collapsed} />
        <Menu
          theme="dark"
          mode="inline"
          data-testid="side-menu"
          selectedKeys={active ? [active] : []}
          items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px 0 8px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" gap={8}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
              aria-label={t('layout.toggleMenu')}
            />
            <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
          </Flex>
          <Flex align="center" gap={16}>
            <LanguageSwitch size="small" />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'account', icon: <UserOutlined />, label: t('nav.account'), onClick: () => navigate('/account') },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('layout.logout')}</span>, onClick: onLogout },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
                <Avatar size="small" style={{ background: token.colorPrimary }} icon={<UserOutlined />} />
                <span data-testid="current-user">{me.user.displayName}</span>
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <div style={{ maxWidth: 1400, margin: '0 auto' }}>
            <ErrorBoundary resetKey={location.pathname}>
              <Suspense fallback={<FullPageSpin />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </div>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary, fontSize: 12, padding: '12px 24px 20px' }}>
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
