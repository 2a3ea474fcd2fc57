import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { typeLabel } from './plan-lines';
import type { PlanVersion, ResourceTypeOption, ReviewTierName } from './plan-types';
import { useDecide } from './plans-api';

export interface ReviewValues {
  comment?: string;
  lineComments?: Array<{ position?: number; body?: string }>;
}

/** Adds a comment pinned to a line to the review form (from the lines table's "comment" action). */
export function addLineComment(form: FormInstance<ReviewValues>, position: number) {
  const current = form.getFieldValue('lineComments') as ReviewValues['lineComments'];
  form.setFieldValue('lineComments', [...(current ?? []), { position, body: '' }]);
}

export interface ReviewPanelProps {
  subjectId: string;
  version: PlanVersion;
  tier: ReviewTierName;
  types: readonly ResourceTypeOption[];
  form: FormInstance<ReviewValues>;
}

/** The reviewer's decision on a submitted plan: approve, or return with a comment on the plan and/or on lines. */
export function ReviewPanel({ subjectId, version, tier, types, form }: ReviewPanelProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecide(subjectId);
  const lineOptions = version.lines.map((line) => ({
    value: line.position,
    label: `${t('plans.lineN', { n: line.position })} · ${typeLabel(types, line.resourceType, i18n.language)}`,
  }));

  const send = async (decision: 'approve' | 'return') => {
    const values = form.getFieldsValue(true) as ReviewValues;
    const comment = values.comment?.trim() || null;
    const lineComments = (values.lineComments ?? [])
      .filter((c): c is { position: number; body: string } => typeof c.position === 'number' && Boolean(c.body?.trim()))
      .map((c) => ({ position: c.position, body: c.body.trim() }));
    if (decision === 'return' && !comment && lineComments.length === 0) {
      form.setFields([{ name: 'comment', errors: [t('plans.review.commentRequired')] }]);
      return;
    }
    try {
      await decide.mutateAsync({ versionId: version.id, input: { decision, comment, lineComments } });
      form.resetFields();
      message.success(t(decision === 'approve' ? `plans.review.approved_${tier}` : 'plans.review.returned'));
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['comment', 'lineComments'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <Card
      title={t(`plans.review.title_${tier}`)}
      data-testid="review-panel"
      style={{ borderColor: '#93c5fd' }}
      styles={{ header: { background: '#eff6ff' } }}
    >
      <Typography.Paragraph type="secondary">{t('plans.review.intro')}</Typography.Paragraph>
      <Form<ReviewValues> form={form} layout="vertical">
        <Form.Item name="comment" label={t('plans.review.comment')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} placeholder={t('plans.review.commentPlaceholder')} data-testid="review-comment" />
        </Form.Item>
        <Form.List name="lineComments">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {fields.length > 0 && <Typography.Text>{t('plans.review.lineComments')}</Typography.Text>}
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'position']} style={{ marginBottom: 0, width: 220, flexShrink: 0 }}>
                    <Select options={lineOptions} placeholder={t('plans.review.pickLine')} data-testid={`review-line-pick-${field.name}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'body']} style={{ marginBottom: 0, flex: 1 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} placeholder={t('plans.review.linePlaceholder')} data-testid={`review-line-text-${field.name}`} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <div>
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ position: version.lines[0]?.position, body: '' })} data-testid="review-add-line-comment">
                  {t('plans.review.addLineComment')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
        <Flex gap={8} justify="flex-end">
          <Button danger icon={<RollbackOutlined />} loading={decide.isPending && decide.variables?.input.decision === 'return'} disabled={decide.isPending} onClick={() => send('return')} data-testid="review-return">
            {t('plans.review.return')}
          </Button>
          <Popconfirm
            title={t(`plans.review.approveConfirm_${tier}`)}
            okText={t('plans.review.approve')}
            cancelText={t('common.cancel')}
            onConfirm={() => send('approve')}
            okButtonProps={{ 'data-testid': 'review-approve-confirm' } as Record<string, string>}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={decide.isPending && decide.variables?.input.decision === 'approve'} disabled={decide.isPending} data-testid="review-approve">
              {t('plans.review.approve')}
            </Button>
          </Popconfirm>
        </Flex>
      </Form>
    </Card>
  );
}
