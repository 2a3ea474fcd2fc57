import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Select, Skeleton, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { usePrograms } from '../registry/registry-api';
import { useProgramContacts, useSaveProgramContacts } from './reports-api';
import { MAX_CONTACTS, type ProgramContact } from './report-types';

interface FormValues {
  items: Array<Partial<ProgramContact>>;
}

/** Who receives a program's reports by e-mail (program management contacts; they need not have accounts). */
export function ProgramContactsCard() {
  const { t, i18n } = useTranslation();
  const programs = usePrograms();
  const [code, setCode] = useState<string | undefined>();
  const title = (item: { titleZh: string; titleEn: string | null }) => (i18n.language === 'en' && item.titleEn ? item.titleEn : item.titleZh);
  return (
    <Card title={t('reports.contacts.title')} data-testid="program-contacts">
      <Typography.Paragraph type="secondary">{t('reports.contacts.hint')}</Typography.Paragraph>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        value={code}
        onChange={setCode}
        placeholder={t('reports.contacts.program')}
        loading={programs.isPending}
        options={(programs.data ?? []).map((p) => ({ value: p.code, label: `${p.code} · ${title(p)}` }))}
        style={{ width: '100%', marginBottom: 16 }}
        data-testid="contacts-program"
      />
      {code ? <ContactsEditor key={code} code={code} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.contacts.pickProgram')} />}
    </Card>
  );
}

/** The contacts of one program as editable rows; saved all at once. */
function ContactsEditor({ code }: { code: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const contacts = useProgramContacts(code);
  const save = useSaveProgramContacts(code);
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (contacts.data) form.setFieldsValue({ items: contacts.data });
  }, [contacts.data, form]);

  if (contacts.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (contacts.isError) return <Alert type="error" showIcon title={contacts.error.message} />;

  const onFinish = async (values: FormValues) => {
    const items = (values.items ?? []).map((item) => ({ name: (item.name ?? '').trim(), email: (item.email ?? '').trim() }));
    try {
      await save.mutateAsync(items);
      message.success(t('reports.contacts.saved'));
    } catch (error) {
      // Field errors come as /items/1/email.
      if (error instanceof ApiError) {
        form.setFields(
          error.details.flatMap((detail) => {
            const match = /^\/items\/(\d+)\/(name|email)$/.exec(detail.path);
            return match ? [{ name: ['items', Number(match[1]), match[2] as 'name' | 'email'] as ['items', number, 'name' | 'email'], errors: [detail.message || error.message] }] : [];
          }),
        );
      }
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const duplicateRule = (index: number) => ({
    validator: async (_rule: unknown, value?: string) => {
      const email = value?.trim().toLowerCase();
      if (!email) return;
      const items = (form.getFieldValue('items') ?? []) as FormValues['items'];
      if (items.some((item, other) => other < index && item?.email?.trim().toLowerCase() === email)) throw new Error(t('reports.contacts.duplicate'));
    },
  });

  return (
    <Form<FormValues> form={form} initialValues={{ items: contacts.data }} onFinish={(values) => void onFinish(values)} data-testid="contacts-form">
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && <Typography.Paragraph type="secondary">{t('reports.contacts.none')}</Typography.Paragraph>}
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" data-testid={`contact-${index}`}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('reports.contacts.nameRequired') }, { max: 100, message: t('reports.contacts.nameTooLong') }]}
                  style={{ flex: '0 0 34%', marginBottom: 12 }}
                >
                  <Input placeholder={t('reports.contacts.name')} aria-label={t('reports.contacts.name')} data-testid={`contact-name-${index}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'email']}
                  dependencies={fields.filter((other) => other.name < field.name).map((other) => ['items', other.name, 'email'])}
                  rules={[
                    { required: true, whitespace: true, message: t('reports.contacts.emailRequired') },
                    { type: 'email', message: t('validation.email') },
                    { max: 254, message: t('validation.email') },
                    duplicateRule(index),
                  ]}
                  style={{ flex: 1, marginBottom: 12 }}
                >
                  <Input placeholder={t('reports.contacts.email')} aria-label={t('reports.contacts.email')} data-testid={`contact-email-${index}`} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('reports.contacts.remove')} onClick={() => remove(field.name)} data-testid={`contact-remove-${index}`} />
              </Flex>
            ))}
            <Flex justify="space-between" align="center" gap={8}>
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', email: '' })} disabled={fields.length >= MAX_CONTACTS} data-testid="contact-add">
                {fields.length >= MAX_CONTACTS ? t('reports.contacts.full', { max: MAX_CONTACTS }) : t('reports.contacts.add')}
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="contacts-save">
                {t('common.save')}
              </Button>
            </Flex>
          </>
        )}
      </Form.List>
    </Form>
  );
}
