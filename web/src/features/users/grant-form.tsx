import { App, Button, Form, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROLE_SCOPES, ROLES, type Role } from '../../../../common/roles';
import { applyFieldErrors } from '../../components/form-errors';
import { OrgSelect } from '../orgs/org-select';
import { useAddGrant } from './users-api';

/** Roles that can be granted here; subject-scoped roles wait for subjects to exist. */
export const GRANTABLE_ROLES: readonly Role[] = ROLES.filter((role) => ROLE_SCOPES[role].type !== 'subject');

/** The organisation kinds a grant of the role may be scoped to; null when it takes no scope. */
export function scopeKindsFor(role: Role | undefined) {
  if (!role) return null;
  const scope = ROLE_SCOPES[role];
  return scope.type === 'organisation' ? scope.orgKinds : null;
}

interface FormValues {
  role?: Role;
  scopeId?: string | null;
}

/** Role select, then the scope: an organisation of the kinds the role allows (none for sysadmin). */
export function GrantForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const role = Form.useWatch('role', form);
  const kinds = scopeKindsFor(role);
  const add = useAddGrant(userId);

  const onFinish = async (values: FormValues) => {
    if (!values.role) return;
    try {
      await add.mutateAsync({ role: values.role, ...(kinds && values.scopeId ? { scopeId: values.scopeId } : {}) });
      message.success(t('grants.added'));
      form.resetFields();
    } catch (error) {
      const rest = applyFieldErrors(form, error, {
        fields: ['role', 'scopeId'],
        codeFields: { 'grant.scope_mismatch': 'scopeId', 'grant.scope_not_found': 'scopeId', 'grant.duplicate': 'role' },
      });
      if (rest) message.error(rest);
    }
  };

  return (
    <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} data-testid="grant-form">
      <Form.Item name="role" label={t('grants.role')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select<Role>
          data-testid="grant-role"
          placeholder={t('grants.rolePlaceholder')}
          options={GRANTABLE_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          onChange={() => form.setFieldValue('scopeId', null)}
        />
      </Form.Item>
      {kinds && (
        <Form.Item
          name="scopeId"
          label={t('grants.scope')}
          extra={t('grants.scopeHint', { kinds: kinds.map((kind) => t(`orgKinds.${kind}`)).join(t('common.listSeparator')) })}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <OrgSelect kinds={kinds} placeholder={t('grants.scopePlaceholder')} data-testid="grant-scope" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="grant-add">
        {t('grants.add')}
      </Button>
    </Form>
  );
}
