import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, FileAddOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import type { CommentTarget } from './review-comments';
import type { FieldOption } from './review-labels';
import type { Decision, DecisionInput, ReviewDetail } from './review-types';
import { useDecide } from './reviews-api';

interface Pin {
  target?: CommentTarget;
  body?: string;
}

interface DecisionValues {
  comment?: string;
  pins?: Pin[];
}

/** The request body: the general comment when given, pinned comments split into field and file comments. */
export function decisionInput(decision: Decision, values: DecisionValues): DecisionInput {
  const comment = values.comment?.trim();
  const pins = (values.pins ?? []).flatMap((pin) => (pin.target && pin.body?.trim() ? [{ target: pin.target, body: pin.body.trim() }] : []));
  return {
    decision,
    ...(comment ? { comment } : {}),
    fieldComments: pins.filter((pin) => pin.target.startsWith('field:')).map((pin) => ({ field: pin.target.slice('field:'.length), body: pin.body })),
    fileComments: pins.filter((pin) => pin.target.startsWith('file:')).map((pin) => ({ path: pin.target.slice('file:'.length), body: pin.body })),
  };
}

export interface DecisionFormProps {
  resourceId: string;
  review: ReviewDetail;
  fields: readonly FieldOption[];
  filePaths: readonly string[];
}

/** The unit or platform reviewer's decision: approve, or return with a general comment and/or comments pinned to fields and files. */
export function DecisionForm({ resourceId, review, fields, filePaths }: DecisionFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const decide = useDecide(resourceId);
  const tier = review.tier ?? 'unit';
  const targets = [
    ...(fields.length > 0 ? [{ label: t('reviews.pins.fields'), options: fields.map((f) => ({ value: `field:${f.value}`, label: f.label })) }] : []),
    ...(filePaths.length > 0 ? [{ label: t('reviews.pins.files'), options: filePaths.map((path) => ({ value: `file:${path}`, label: path })) }] : []),
  ];

  const send = async (decision: Decision) => {
    const input = decisionInput(decision, form.getFieldsValue(true) as DecisionValues);
    if (decision === 'return' && !input.comment && input.fieldComments?.length === 0 && input.fileComments?.length === 0) {
      form.setFields([{ name: 'comment', errors: [t('reviews.decision.commentRequired')] }]);
      return;
    }
    try {
      await decide.mutateAsync(input);
      form.resetFields();
      message.success(t(decision === 'approve' ? 'reviews.decision.approved' : 'reviews.decision.returned'));
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['comment'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <Card
      title={t('reviews.decision.title', { tier: t(`reviews.tiers.${tier}`) })}
      data-testid="decision-form"
      style={{ borderColor: '#93c5fd' }}
      styles={{ header: { background: '#eff6ff' } }}
    >
      <Typography.Paragraph type="secondary">{t('reviews.decision.intro')}</Typography.Paragraph>
      <Form<DecisionValues> form={form} layout="vertical">
        <Form.Item name="comment" label={t('reviews.decision.comment')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} placeholder={t('reviews.decision.commentPlaceholder')} data-testid="decision-comment" />
        </Form.Item>
        <Form.List name="pins">
          {(pins, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {pins.length > 0 && <Typography.Text>{t('reviews.decision.pins')}</Typography.Text>}
              {pins.map((pin) => (
                <Flex key={pin.key} gap={8} align="flex-start" wrap>
                  <Form.Item name={[pin.name, 'target']} style={{ marginBottom: 0, width: 260, maxWidth: '100%' }}>
                    <Select options={targets} showSearch={{ optionFilterProp: 'label' }} placeholder={t('reviews.pins.pick')} data-testid={`decision-pin-target-${pin.name}`} />
                  </Form.Item>
                  <Form.Item name={[pin.name, 'body']} style={{ marginBottom: 0, flex: 1, minWidth: 200 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} placeholder={t('reviews.pins.placeholder')} data-testid={`decision-pin-text-${pin.name}`} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(pin.name)} />
                </Flex>
              ))}
              <Flex gap={8} wrap>
                <Button type="dashed" size="small" icon={<PlusOutlined />} disabled={fields.length === 0} onClick={() => add({ target: fields[0] && `field:${fields[0].value}`, body: '' })} data-testid="decision-add-field-pin">
                  {t('reviews.pins.addField')}
                </Button>
                <Button type="dashed" size="small" icon={<FileAddOutlined />} disabled={filePaths.length === 0} onClick={() => add({ target: filePaths[0] && `file:${filePaths[0]}`, body: '' })} data-testid="decision-add-file-pin">
                  {t('reviews.pins.addFile')}
                </Button>
              </Flex>
            </Flex>
          )}
        </Form.List>
        <Flex gap={8} justify="flex-end">
          <Button danger icon={<RollbackOutlined />} loading={decide.isPending && decide.variables?.decision === 'return'} disabled={decide.isPending} onClick={() => void send('return')} data-testid="decision-return">
            {t('reviews.decision.return')}
          </Button>
          <Popconfirm
            title={t(`reviews.decision.approveConfirm_${tier}`)}
            okText={t('reviews.decision.approve')}
            cancelText={t('common.cancel')}
            onConfirm={() => send('approve')}
            okButtonProps={{ 'data-testid': 'decision-approve-confirm' } as Record<string, string>}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={decide.isPending && decide.variables?.decision === 'approve'} disabled={decide.isPending} data-testid="decision-approve">
              {t('reviews.decision.approve')}
            </Button>
          </Popconfirm>
        </Flex>
      </Form>
    </Card>
  );
}
