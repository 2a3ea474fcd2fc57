import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { useChangePassword } from './auth-api';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const change = useChangePassword();

  const onFinish = async ({ currentPassword, newPassword }: FormValues) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      message.success(t('account.passwordChanged'));
      form.resetFields();
    } catch (error) {
      const rest = applyFieldErrors(form, error, {
        fields: ['currentPassword', 'newPassword'],
        codeFields: { 'auth.wrong_password': 'currentPassword', 'auth.weak_password': 'newPassword' },
      });
      if (rest) message.error(rest);
    }
  };

  return (
    <Card title={t('account.changePassword')}>
      <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('account.passwordRule')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 10, message: t('account.passwordRule') },
            {
              validator: async (_rule, value: string | undefined) => {
                if (value && !(/[A-Za-z]/.test(value) && /\d/.test(value))) throw new Error(t('account.passwordRule'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('account.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
