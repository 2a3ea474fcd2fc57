import { App, Button, Card, Descriptions, Flex, Form, Input, Result, Skeleton, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Brand } from '../../components/app-layout';
import { applyFieldErrors } from '../../components/form-errors';
import { formatDateTime } from '../../components/format';
import { LanguageSwitch } from '../../components/language-switch';
import { useAcceptInvitation, useInvitation } from '../../features/registry/registry-api';

interface FormValues {
  password: string;
  confirm: string;
}

/** The platform's password rule: at least 10 characters with letters and digits. */
export function isAcceptablePassword(value: string): boolean {
  return value.length >= 10 && /[A-Za-z]/.test(value) && /\d/.test(value);
}

/** A one-time invitation link (/invite/:token): shows who is invited, sets their password, then sends them to log in. */
export function InvitePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation(token);
  const [form] = Form.useForm<FormValues>();

  const onFinish = async (values: FormValues) => {
    try {
      await accept.mutateAsync(values.password);
      message.success(t('registry.invite.done'));
      navigate('/login', { replace: true });
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['password'], codeFields: { 'auth.weak_password': 'password' } });
      if (rest) message.error(rest);
    }
  };

  const body = () => {
    if (invitation.isPending) return <Skeleton active />;
    if (invitation.isError) {
      return (
        <Result
          status="warning"
          title={t('registry.invite.invalid')}
          subTitle={invitation.error.message}
          extra={<Button type="primary" onClick={() => navigate('/login')}>{t('registry.invite.toLogin')}</Button>}
        />
      );
    }
    const invite = invitation.data;
    return (
      <>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('registry.invite.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('registry.invite.intro', { name: invite.displayName })}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 24 }}
          data-testid="invite-details"
          items={[
            { key: 'name', label: t('registry.invite.name'), children: invite.displayName },
            { key: 'username', label: t('registry.invite.username'), children: <Typography.Text code copyable>{invite.username}</Typography.Text> },
            { key: 'email', label: t('registry.invite.email'), children: invite.email ?? '—' },
            { key: 'expires', label: t('registry.invite.expires'), children: formatDateTime(invite.expiresAt, i18n.language) },
          ]}
        />
        <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="password"
            label={t('registry.invite.password')}
            extra={t('account.passwordRule')}
            rules={[{ required: true, message: t('validation.required') }, { validator: async (_r, value?: string) => { if (value && !isAcceptablePassword(value)) throw new Error(t('registry.invite.weak')); } }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="invite-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirmPassword')}
            dependencies={['password']}
            rules={[{ required: true, message: t('validation.required') }, ({ getFieldValue }) => ({ validator: async (_r, value?: string) => { if (value && value !== getFieldValue('password')) throw new Error(t('account.passwordMismatch')); } })]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="invite-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={accept.isPending} data-testid="invite-submit">
            {t('registry.invite.submit')}
          </Button>
        </Form>
      </>
    );
  };

  return (
    <Flex vertical style={{ minHeight: '100vh', background: 'radial-gradient(1200px 600px at 10% -10%, #dbeafe 0%, transparent 60%), #f5f7fb' }}>
      <Flex justify="space-between" align="center" style={{ padding: '0 32px' }}>
        <Brand dark={false} />
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 24 }}>
        <Card style={{ width: 480, boxShadow: '0 12px 40px rgba(15, 23, 42, 0.08)' }} styles={{ body: { padding: 36 } }}>
          {body()}
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 20, fontSize: 12 }}>
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
