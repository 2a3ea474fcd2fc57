import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Brand } from '../../components/app-layout';
import { LanguageSwitch } from '../../components/language-switch';
import { useLogin, useMe } from '../../features/auth/auth-api';
import { FullPageSpin } from '../../features/auth/session';

interface FormValues {
  login: string;
  password: string;
}

/** Where to go after login: the page that sent the user here, if it is a path of this app. */
function nextPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !login.isPending) return <Navigate to={nextPath(location.state)} replace />;

  const onFinish = async (values: FormValues) => {
    setError(null);
    try {
      await login.mutateAsync({ login: values.login.trim(), password: values.password });
      navigate(nextPath(location.state), { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Flex
      vertical
      style={{
        minHeight: '100vh',
        background: 'radial-gradient(1200px 600px at 10% -10%, #dbeafe 0%, transparent 60%), radial-gradient(900px 500px at 110% 110%, #e0f2fe 0%, transparent 55%), #f5f7fb',
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '0 32px' }}>
        <Brand dark={false} />
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 24 }}>
        <Card style={{ width: 420, boxShadow: '0 12px 40px rgba(15, 23, 42, 0.08)' }} styles={{ body: { padding: 36 } }}>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 28 }}>
            {t('login.subtitle')}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 20 }} data-testid="login-error" />}
          <Form<FormValues> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
            <Form.Item name="login" label={t('login.login')} rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-name" placeholder={t('login.loginPlaceholder')} />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit" style={{ marginTop: 8 }}>
              {t('login.submit')}
            </Button>
          </Form>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 20 }}>
            <Link to="/search" data-testid="login-browse">
              <GlobalOutlined /> {t('portal.login.browse')}
            </Link>
            <Typography.Text type="secondary">
              {t('portal.login.noAccount')} <Link to="/register" data-testid="login-register">{t('portal.login.register')}</Link>
            </Typography.Text>
          </Flex>
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 20, fontSize: 12 }}>
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
