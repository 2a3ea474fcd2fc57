import { useEffect } from 'react';
import { Alert, App, Button, Card, Flex, Form, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportSettings, useSaveReportSettings } from './reports-api';
import type { ReportSettings } from './report-types';

const SWITCHES: ReadonlyArray<keyof ReportSettings> = ['monthly', 'quarterly', 'yearly', 'projects'];

/** Which reports the schedule generates: monthly, quarterly, yearly program reports, and the same per project. */
export function ReportSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useReportSettings();
  const save = useSaveReportSettings();
  const [form] = Form.useForm<ReportSettings>();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const onFinish = async (values: ReportSettings) => {
    try {
      await save.mutateAsync({ monthly: Boolean(values.monthly), quarterly: Boolean(values.quarterly), yearly: Boolean(values.yearly), projects: Boolean(values.projects) });
      message.success(t('reports.settings.saved'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Card title={t('reports.settings.title')} data-testid="report-settings">
      {settings.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {settings.isError && <Alert type="error" showIcon title={settings.error.message} />}
      {settings.data && (
        <Form<ReportSettings> form={form} initialValues={settings.data} onFinish={(values) => void onFinish(values)} data-testid="report-settings-form">
          <Typography.Paragraph type="secondary">{t('reports.settings.hint')}</Typography.Paragraph>
          <Flex vertical gap={4}>
            {SWITCHES.map((key) => (
              <Flex key={key} justify="space-between" align="center" gap={12}>
                <div>
                  <Typography.Text>{t(`reports.settings.${key}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t(`reports.settings.${key}Hint`)}
                  </Typography.Text>
                </div>
                <Form.Item name={key} valuePropName="checked" style={{ margin: 0 }}>
                  <Switch aria-label={t(`reports.settings.${key}`)} data-testid={`report-schedule-${key}`} />
                </Form.Item>
              </Flex>
            ))}
          </Flex>
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="report-settings-save">
              {t('common.save')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
