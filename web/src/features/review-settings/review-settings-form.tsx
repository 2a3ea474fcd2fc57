import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, InputNumber, Row, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSaveReviewSettings } from './review-settings-api';
import type { ReviewSettingsAnswer } from './review-settings-types';
import { RubricEditor } from './rubric-editor';
import {
  applySettingsErrors, DAYS_RANGE, EXPERTS_RANGE, MEAN_RANGE, ruleProblem, toFormValues, toSettings, type SettingsFormValues,
} from './settings-values';
import { TypeSettingsTable } from './type-settings-table';

const wholeNumberIn = (range: { min: number; max: number }, message: string) => ({
  validator: async (_rule: unknown, value: unknown) => {
    const number = Number(value);
    if (value === null || value === undefined || value === '' || !Number.isInteger(number) || number < range.min || number > range.max) throw new Error(message);
  },
});

/** Edits a platform's review settings: deadlines, skipped tiers and CSTR codes per type, expert rubric and decision rule. */
export function ReviewSettingsForm({ platformId, settings }: { platformId: string; settings: ReviewSettingsAnswer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsFormValues>();
  const save = useSaveReviewSettings(platformId);
  const [serverError, setServerError] = useState<string | null>(null);
  const initialValues = useMemo(() => toFormValues(settings), [settings]);
  const types = settings.resourceTypes.map((option) => option.type);

  const onFinish = async (values: SettingsFormValues) => {
    setServerError(null);
    try {
      const saved = await save.mutateAsync(toSettings(values, settings));
      form.setFieldsValue(toFormValues({ ...settings, ...saved }));
      message.success(t('reviewSettings.saved'));
    } catch (error) {
      const rest = applySettingsErrors(form, error, types);
      if (rest) setServerError(rest);
      else message.error(t('reviewSettings.fixErrors'));
    }
  };

  const daysMessage = t('reviewSettings.deadlines.range', DAYS_RANGE);
  const daysSuffix = t('reviewSettings.deadlines.workingDays');

  return (
    <Form<SettingsFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      onFinishFailed={() => message.warning(t('reviewSettings.fixErrors'))}
      scrollToFirstError
      data-testid="review-settings-form"
    >
      {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} data-testid="review-settings-error" />}
      <Flex vertical gap={16}>
        <Card size="small" title={t('reviewSettings.deadlines.title')}>
          <Typography.Paragraph type="secondary">{t('reviewSettings.deadlines.hint')}</Typography.Paragraph>
          <Row gutter={24}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="reviewDays" label={t('reviewSettings.deadlines.reviewDays')} rules={[wholeNumberIn(DAYS_RANGE, daysMessage)]}>
                <InputNumber min={DAYS_RANGE.min} max={DAYS_RANGE.max} precision={0} suffix={daysSuffix} style={{ width: '100%' }} data-testid="review-days" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="returnDays" label={t('reviewSettings.deadlines.returnDays')} rules={[wholeNumberIn(DAYS_RANGE, daysMessage)]}>
                <InputNumber min={DAYS_RANGE.min} max={DAYS_RANGE.max} precision={0} suffix={daysSuffix} style={{ width: '100%' }} data-testid="return-days" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t('reviewSettings.types.title')}>
          <Typography.Paragraph type="secondary">{t('reviewSettings.types.hint')}</Typography.Paragraph>
          <TypeSettingsTable types={settings.resourceTypes} />
        </Card>

        <Card size="small" title={t('reviewSettings.rubric.title')}>
          <Typography.Paragraph type="secondary">{t('reviewSettings.rubric.hint')}</Typography.Paragraph>
          <RubricEditor />
        </Card>

        <Card size="small" title={t('reviewSettings.rule.title')}>
          <Typography.Paragraph type="secondary">{t('reviewSettings.rule.hint')}</Typography.Paragraph>
          <Form.Item name={['rule', 'requireAllApprove']} valuePropName="checked" style={{ marginBottom: 12 }}>
            <Checkbox data-testid="rule-all-approve">{t('reviewSettings.rule.requireAllApprove')}</Checkbox>
          </Form.Item>
          <Row gutter={24}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item
                name={['rule', 'minMean']}
                label={t('reviewSettings.rule.minMean')}
                extra={t('reviewSettings.rule.minMeanHint')}
                dependencies={[['rule', 'requireAllApprove']]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_rule, value: number | null | undefined) => {
                      const problem = ruleProblem({ requireAllApprove: Boolean(getFieldValue(['rule', 'requireAllApprove'])), minMean: value ?? null });
                      if (problem) throw new Error(t(`reviewSettings.rule.${problem}`, MEAN_RANGE));
                    },
                  }),
                ]}
              >
                <InputNumber min={MEAN_RANGE.min} max={MEAN_RANGE.max} step={0.1} precision={1} placeholder={t('reviewSettings.rule.minMeanPlaceholder')} style={{ width: '100%' }} data-testid="rule-min-mean" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item
                name="minExperts"
                label={t('reviewSettings.rule.minExperts')}
                extra={t('reviewSettings.rule.minExpertsHint')}
                rules={[wholeNumberIn(EXPERTS_RANGE, t('reviewSettings.rule.minExpertsRange', EXPERTS_RANGE))]}
              >
                <InputNumber min={EXPERTS_RANGE.min} max={EXPERTS_RANGE.max} precision={0} style={{ width: '100%' }} data-testid="min-experts" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="review-settings-save">
            {t('reviewSettings.save')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
