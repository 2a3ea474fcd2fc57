import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { DayListInput } from './day-list-input';
import { useReminderSettings, useSaveReminderSettings } from './supervision-api';
import type { ReminderSettings } from './supervision-types';

const FIELDS = ['enabled', 'beforeDays', 'afterDays'] as const;

/** The ministry's automatic reminder schedule: days before and after a plan line's due date (GET/PUT /api/supervision/reminder-settings). */
export function ReminderSettingsForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useReminderSettings();
  const save = useSaveReminderSettings();
  const [form] = Form.useForm<ReminderSettings>();
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (settings.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (settings.isError) return <Alert type="error" showIcon title={settings.error.message} />;

  const submit = (values: ReminderSettings) => {
    setProblem(null);
    save.mutate(
      { enabled: values.enabled, beforeDays: values.beforeDays ?? [], afterDays: values.afterDays ?? [] },
      {
        onSuccess: () => message.success(t('supervision.settings.saved')),
        onError: (error) => setProblem(applyFieldErrors(form, error, { fields: FIELDS })),
      },
    );
  };

  return (
    <Card title={t('supervision.settings.title')} data-testid="reminder-settings">
      <Typography.Paragraph type="secondary">{t('supervision.settings.explain')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="reminder-settings-error" />}
      <Form<ReminderSettings> form={form} layout="vertical" initialValues={settings.data} onFinish={submit} style={{ maxWidth: 560 }} data-testid="reminder-settings-form">
        <Form.Item name="enabled" label={t('supervision.settings.enabled')} valuePropName="checked">
          <Switch data-testid="reminder-enabled" />
        </Form.Item>
        <Form.Item name="beforeDays" label={t('supervision.settings.beforeDays')} extra={t('supervision.settings.beforeHint')}>
          <DayListInput data-testid="before-days" />
        </Form.Item>
        <Form.Item name="afterDays" label={t('supervision.settings.afterDays')} extra={t('supervision.settings.afterHint')}>
          <DayListInput data-testid="after-days" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="reminder-settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
