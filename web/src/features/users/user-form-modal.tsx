import { useMemo } from 'react';
import { App, Col, Form, Input, Modal, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { OrgSelect } from '../orgs/org-select';
import { useCreateUser, useUpdateUser, type NewUser, type UserChanges, type UserRow } from './users-api';

const FIELDS = ['username', 'displayName', 'email', 'phone', 'orcid', 'orgId', 'status', 'password'] as const;
const CODE_FIELDS: Record<string, string> = {
  'user.username_taken': 'username',
  'user.email_taken': 'email',
  'auth.weak_password': 'password',
  'user.cannot_disable_self': 'status',
};
export const ORCID_PATTERN = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

interface FormValues {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  orcid?: string;
  orgId?: string | null;
  status?: 'active' | 'disabled';
  password?: string;
}

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: UserRow };

const blank = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Creates a user, or edits one (details, organisation, status, password reset). */
export function UserFormModal({ target, onClose }: { target: UserFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = target?.mode === 'edit' ? target.user : null;

  const initialValues = useMemo<Partial<FormValues>>(
    () =>
      editing
        ? {
            username: editing.username,
            displayName: editing.displayName,
            email: editing.email ?? '',
            phone: editing.phone ?? '',
            orcid: editing.orcid ?? '',
            orgId: editing.orgId,
            status: editing.status,
          }
        : {},
    [editing],
  );

  const onFinish = async (values: FormValues) => {
    try {
      if (editing) {
        const changes: UserChanges = {
          displayName: values.displayName.trim(),
          email: blank(values.email) ?? null,
          phone: blank(values.phone) ?? null,
          orcid: blank(values.orcid) ?? null,
          orgId: values.orgId ?? null,
          status: values.status,
        };
        if (values.password) changes.password = values.password;
        await update.mutateAsync({ id: editing.id, changes });
        message.success(t('users.updated'));
      } else {
        const input: NewUser = {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          email: blank(values.email),
          phone: blank(values.phone),
          orcid: blank(values.orcid),
          orgId: values.orgId ?? undefined,
          password: values.password ?? '',
        };
        await create.mutateAsync(input);
        message.success(t('users.created'));
      }
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: FIELDS, codeFields: CODE_FIELDS });
      if (rest) message.error(rest);
    }
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal
      open={Boolean(target)}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'user-save' } as Record<string, string>}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues} style={{ marginTop: 16 }}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('users.fields.username')}
              rules={[required, { pattern: /^[A-Za-z0-9._-]{2,64}$/, message: t('users.usernameRule') }]}
            >
              <Input disabled={Boolean(editing)} autoComplete="off" data-testid="user-username" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="displayName" label={t('users.fields.displayName')} rules={[required, { max: 100 }]}>
              <Input data-testid="user-display-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="email" label={t('users.fields.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('users.fields.phone')} rules={[{ pattern: /^[+\d][\d\s-]{4,19}$/, message: t('validation.phone') }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="orcid" label="ORCID" rules={[{ pattern: ORCID_PATTERN, message: t('validation.orcid') }]}>
          <Input placeholder="0000-0000-0000-0000" />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.fields.org')}>
          <OrgSelect />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('users.fields.status')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'active', label: t('users.status.active') },
                { value: 'disabled', label: t('users.status.disabled') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="password"
          label={editing ? t('users.fields.resetPassword') : t('users.fields.password')}
          extra={t('account.passwordRule')}
          rules={[
            { required: !editing, message: t('validation.required') },
            { min: 10, message: t('account.passwordRule') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
