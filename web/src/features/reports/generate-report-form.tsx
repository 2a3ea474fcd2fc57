import { App, Button, Card, Col, DatePicker, Form, Radio, Row } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useGenerateReport } from './reports-api';
import { REPORT_SCOPE_TYPES, type ReportInput, type ReportScopeType } from './report-types';
import { ScopeCodeSelect } from './scope-code-select';

interface FormValues {
  scopeType: ReportScopeType;
  code?: string;
  start?: Dayjs | null;
  end?: Dayjs | null;
}

/** The longest period the server accepts (5 years), in months. */
const MAX_MONTHS = 60;

/** The request body: the first day of the start month and the last day of the end month. */
export function reportInput(values: FormValues): ReportInput {
  return {
    scopeType: values.scopeType,
    code: values.code ?? '',
    periodStart: (values.start ?? dayjs()).startOf('month').format('YYYY-MM-DD'),
    periodEnd: (values.end ?? dayjs()).endOf('month').format('YYYY-MM-DD'),
  };
}

const FIELD_OF_PATH: Record<string, keyof FormValues> = { '/scopeType': 'scopeType', '/code': 'code', '/periodStart': 'start', '/periodEnd': 'end' };

/** The server's refusals placed on the form's fields: a bad period on the end month, an unknown code on the code. */
function fieldErrors(error: unknown): Array<[keyof FormValues, string]> {
  if (!(error instanceof ApiError)) return [];
  const placed = error.details.flatMap((detail): Array<[keyof FormValues, string]> => {
    const name = FIELD_OF_PATH[detail.path];
    return name ? [[name, detail.message || error.message]] : [];
  });
  if (placed.length > 0) return placed;
  if (error.code === 'report.bad_period') return [['end', error.message]];
  if (error.status === 404) return [['code', error.message]];
  return [];
}

/** 生成报告: a report for one program or project over whole months, generated in the background. */
export function GenerateReportForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const generate = useGenerateReport();
  const scopeType = Form.useWatch('scopeType', form);

  const onFinish = async (values: FormValues) => {
    try {
      await generate.mutateAsync(reportInput(values));
      message.success(t('reports.generate.queued'));
    } catch (error) {
      const placed = fieldErrors(error);
      form.setFields(placed.map(([name, text]) => ({ name, errors: [text] })));
      if (placed.length === 0) message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const endRule = {
    validator: async (_rule: unknown, end?: Dayjs | null) => {
      const start = form.getFieldValue('start') as Dayjs | null | undefined;
      if (!start || !end) return;
      if (end.isBefore(start, 'month')) throw new Error(t('reports.generate.endBeforeStart'));
      if (end.diff(start, 'month') + 1 > MAX_MONTHS) throw new Error(t('reports.generate.tooLong'));
    },
  };

  return (
    <Card title={t('reports.generate.title')} style={{ marginBottom: 16 }} data-testid="report-generate-card">
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ scopeType: 'program' }}
        onFinish={(values) => void onFinish(values)}
        onValuesChange={(changed: Partial<FormValues>) => {
          if ('scopeType' in changed) form.setFieldValue('code', undefined);
        }}
        data-testid="report-generate-form"
      >
        <Row gutter={16} align="bottom">
          <Col xs={24} md={6} xl={5}>
            <Form.Item name="scopeType" label={t('reports.fields.scopeType')}>
              <Radio.Group optionType="button" data-testid="report-scope-type">
                {REPORT_SCOPE_TYPES.map((value) => (
                  <Radio.Button key={value} value={value} data-testid={`report-scope-${value}`}>
                    {t(`reports.scopeTypes.${value}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col xs={24} md={18} xl={8}>
            <Form.Item name="code" label={scopeType === 'project' ? t('reports.scopeTypes.project') : t('reports.scopeTypes.program')} rules={[{ required: true, message: t('reports.generate.codeRequired') }]}>
              <ScopeCodeSelect scopeType={scopeType ?? 'program'} placeholder={t('reports.generate.codePlaceholder')} testId="report-code" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item name="start" label={t('reports.fields.periodStart')} rules={[{ required: true, message: t('reports.generate.startRequired') }]}>
              <DatePicker picker="month" style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'month')} data-testid="report-period-start" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item name="end" label={t('reports.fields.periodEnd')} dependencies={['start']} rules={[{ required: true, message: t('reports.generate.endRequired') }, endRule]}>
              <DatePicker picker="month" style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'month')} data-testid="report-period-end" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={3}>
            <Form.Item label=" " colon={false}>
              <Button type="primary" htmlType="submit" icon={<FileAddOutlined />} loading={generate.isPending} block data-testid="report-generate">
                {t('reports.generate.submit')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
