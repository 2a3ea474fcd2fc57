import { useState } from 'react';
import { App, Button, Form, Input, Result, Typography } from 'antd';
import { LockOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyFieldErrors } from '../../components/form-errors';
import { useMe } from '../../features/auth/auth-api';
import { FullPageSpin } from '../../features/auth/session';
import { useRegister } from '../../features/portal/portal-api';
import { PublicFrame } from '../../features/portal/public-frame';

interface FormValues {
  username: string;
  displayName: string;
  email: string;
  password: string;
  confirm: string;
}

/** The server's password rule (auth.weak_password; the request allows up to 200 characters): at least 10, with letters and digits. */
export function isStrongPassword(value: string): boolean {
  return value.length >= 10 && value.length <= 200 && /[A-Za-z]/.test(value) && /\d/.test(value);
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The registration form; calls onSent with the address the verification link went to. */
function RegisterForm({ onSent }: { onSent: (email: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const register = useRegister();

  const onFinish = async (values: FormValues) => {
    const email = values.email.trim();
    try {
      await register.mutateAsync({ username: values.username.trim(), displayName: values.displayName.trim(), email, password: values.password });
      onSent(email);
    } catch (error) {
      const rest = applyFieldErrors(form, error, {
        fields: ['username', 'displayName', 'email', 'password'],
        codeFields: { 'auth.weak_password': 'password', 'user.username_taken': 'username', 'user.email_taken': 'email' },
      });
      if (rest) message.error(rest);
    }
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('portal.register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.register.subtitle')}</Typography.Paragraph>
      <Form<FormValues> form={form} layout="vertical" onFinish={(values) => void onFinish(values)} requiredMark={false} data-testid="register-form">
        <Form.Item
          name="username"
          label={t('portal.register.username')}
          normalize={(value: string) => value.trim()}
          extra={t('portal.register.usernameRule')}
          validateFirst
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 3, max: 64, message: t('portal.register.usernameInvalid') },
            { pattern: USERNAME, message: t('portal.register.usernameInvalid') },
          ]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" maxLength={64} data-testid="register-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('portal.register.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
          <Input autoComplete="name" maxLength={100} data-testid="register-display-name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('portal.register.email')}
          normalize={(value: string) => value.trim()}
          extra={t('portal.register.emailHint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { type: 'email', message: t('validation.email') }]}
        >
          <Input prefix={<MailOutlined />} autoComplete="email" maxLength={254} data-testid="register-email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('portal.register.password')}
          extra={t('account.passwordRule')}
          rules={[
            { required: true, message: t('validation.required') },
            { validator: async (_rule, value?: string) => { if (value && !isStrongPassword(value)) throw new Error(t('portal.register.passwordWeak')); } },
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="register-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('portal.register.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value?: string) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('account.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="register-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={register.isPending} data-testid="register-submit">
          {t('portal.register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0', textAlign: 'center' }}>
        {t('portal.register.haveAccount')} <Link to="/login">{t('portal.layout.login')}</Link>
      </Typography.Paragraph>
    </>
  );
}

/** /register (public): a new account, active once the emailed link is opened. */
export function RegisterPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (me.isPending) return <FullPageSpin />;
  // The server refuses to register someone who is logged in.
  if (me.data && !sentTo) {
    return (
      <PublicFrame>
        <Result
          status="info"
          title={t('portal.register.loggedIn', { name: me.data.user.displayName })}
          extra={
            <Link to="/">
              <Button type="primary">{t('portal.layout.workspace')}</Button>
            </Link>
          }
        />
      </PublicFrame>
    );
  }

  if (sentTo) {
    return (
      <PublicFrame>
        <div data-testid="register-sent">
          <Result
            status="success"
            icon={<MailOutlined />}
            title={t('portal.register.sent')}
            subTitle={t('portal.register.sentHint', { email: sentTo })}
            extra={
              <Link to="/login">
                <Button type="primary">{t('portal.register.toLogin')}</Button>
              </Link>
            }
          />
        </div>
      </PublicFrame>
    );
  }

  return (
    <PublicFrame>
      <RegisterForm onSent={setSentTo} />
    </PublicFrame>
  );
}
