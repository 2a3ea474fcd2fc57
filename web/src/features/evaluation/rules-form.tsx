import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { fieldNameFromPath } from '../../components/form-errors';
import { useSaveRules } from './evaluation-api';
import type { RuleSetVersion, SaveRulesAnswer } from './evaluation-types';
import { RuleFields, rulesFromValues } from './rule-fields';

const NOTE_MAX = 500;

type Values = Parameters<typeof rulesFromValues>[0] & { note?: string };

/** Places the server's field errors (paths /rules/<group>/<key>, /note) on the fields; returns the message to show above the button. */
function placeErrors(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const detail of error.details) {
    const [top, ...rest] = fieldNameFromPath(detail.path);
    if (top === 'rules' && rest.length === 2) fields.push({ name: rest, errors: [detail.message] });
    else if (top === 'note') fields.push({ name: ['note'], errors: [detail.message] });
    else if (detail.message !== error.message) unplaced.push(detail.message);
  }
  form.setFields(fields);
  return unplaced.length > 0 ? `${error.message}：${unplaced.join('；')}` : error.message;
}

/** The current rule set as a form; saving makes a new version (with a note) and queues a run under it. */
export function RulesForm({ current, onSaved }: { current: RuleSetVersion; onSaved: (answer: SaveRulesAnswer) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveRules();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (values: Values) => {
    setProblem(null);
    save.mutate(
      { rules: rulesFromValues(values), note: (values.note ?? '').trim() },
      { onSuccess: onSaved, onError: (error) => setProblem(placeErrors(form, error)) },
    );
  };

  return (
    <Form<Values>
      key={current.version}
      form={form}
      layout="vertical"
      initialValues={current.rules}
      onFinish={submit}
      onValuesChange={() => setProblem(null)}
      data-testid="rules-form"
      requiredMark={false}
    >
      <Flex vertical gap={16}>
        <RuleFields />
        <Card size="small">
          <Form.Item
            name="note"
            label={t('evaluation.rules.note')}
            rules={[
              { required: true, whitespace: true, message: t('evaluation.rules.noteRequired') },
              { max: NOTE_MAX, message: t('evaluation.rules.noteTooLong', { max: NOTE_MAX }) },
            ]}
          >
            <Input.TextArea rows={2} maxLength={NOTE_MAX} showCount placeholder={t('evaluation.rules.notePlaceholder')} data-testid="rules-note" />
          </Form.Item>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="rules-error" />}
          <Flex justify="space-between" align="center" gap={16} wrap>
            <Typography.Text type="secondary">{t('evaluation.rules.saveHint', { version: current.version + 1 })}</Typography.Text>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="rules-save">
              {t('evaluation.rules.save')}
            </Button>
          </Flex>
        </Card>
      </Flex>
    </Form>
  );
}
