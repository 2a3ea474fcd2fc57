import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Result } from 'antd';
import { MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { useMe } from '../auth/auth-api';
import { useContactRequest } from './portal-api';
import type { PortalAccess } from './portal-types';

interface FormValues {
  name: string;
  email: string;
  message: string;
}

/** Offline resources: who to contact, and a message to them (the server mails it to the provider). */
export function ContactCard({ resourceId, contact }: { resourceId: string; contact: PortalAccess['contact'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data ?? null;
  const [form] = Form.useForm<FormValues>();
  const send = useContactRequest(resourceId);
  const [sent, setSent] = useState(false);

  const onFinish = async (values: FormValues) => {
    try {
      await send.mutateAsync({ name: values.name.trim(), email: values.email.trim(), message: values.message.trim() });
      setSent(true);
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['name', 'email', 'message'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <Card size="small" title={t('portal.contact.title')} data-testid="contact-card">
      {contact && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'name', label: t('portal.contact.name'), children: contact.name },
            ...(contact.email ? [{ key: 'email', label: t('portal.contact.email'), children: <a href={`mailto:${contact.email}`}>{contact.email}</a> }] : []),
            ...(contact.phone ? [{ key: 'phone', label: t('portal.contact.phone'), children: contact.phone }] : []),
          ]}
        />
      )}
      {sent ? (
        <Result status="success" title={t('portal.contact.sent')} subTitle={t('portal.contact.sentHint')} style={{ padding: 12 }} data-testid="contact-sent" />
      ) : (
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={(values) => void onFinish(values)}
          initialValues={{ name: me?.user.displayName ?? '', email: me?.user.email ?? '', message: '' }}
          data-testid="contact-form"
        >
          <Form.Item name="name" label={t('portal.contact.yourName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="email" label={t('portal.contact.yourEmail')} rules={[{ required: true, message: t('validation.required') }, { type: 'email', message: t('validation.email') }]}>
            <Input maxLength={254} />
          </Form.Item>
          <Form.Item name="message" label={t('portal.contact.message')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { min: 4, message: t('portal.apply.tooShort') }, { max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} placeholder={t('portal.contact.messagePlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<MailOutlined />} loading={send.isPending} data-testid="contact-submit">
            {t('portal.contact.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
