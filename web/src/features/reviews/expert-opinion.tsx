import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { applyFieldErrors } from '../../components/form-errors';
import { localLabel } from '../standards/standard-types';
import { sharingModeLabel } from './review-labels';
import { SHARING_MODES, type Criterion, type Decision, type ExpertAssignment, type OpinionInput, type SharingMode } from './review-types';
import { useDeclareConflict, useSubmitOpinion } from './reviews-api';

const SCORES = [1, 2, 3, 4, 5];
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Before any opinion: the expert declares no conflict of interest, or a conflict (with a note), which ends the assignment. */
function ConflictDeclaration({ resourceId, assignment }: { resourceId: string; assignment: ExpertAssignment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [choice, setChoice] = useState<'none' | 'conflict'>();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const declare = useDeclareConflict(resourceId);

  const onDeclare = async () => {
    if (choice === 'conflict' && !note.trim()) {
      setNoteMissing(true);
      return;
    }
    try {
      await declare.mutateAsync({ assignmentId: assignment.assignmentId, conflict: choice === 'conflict', note: choice === 'conflict' ? note.trim() : undefined });
      message.success(t(choice === 'conflict' ? 'reviews.coi.declaredConflict' : 'reviews.coi.declaredNone'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Flex vertical gap={12} data-testid="coi-form">
      <Typography.Paragraph style={{ margin: 0 }}>{t('reviews.coi.intro')}</Typography.Paragraph>
      <Radio.Group
        value={choice}
        onChange={(event) => setChoice(event.target.value as 'none' | 'conflict')}
        options={[
          { value: 'none', label: <span data-testid="coi-none">{t('reviews.coi.none')}</span> },
          { value: 'conflict', label: <span data-testid="coi-conflict">{t('reviews.coi.conflict')}</span> },
        ]}
      />
      {choice === 'conflict' && (
        <Form.Item validateStatus={noteMissing ? 'error' : undefined} help={noteMissing ? t('reviews.coi.noteRequired') : undefined} style={{ marginBottom: 0 }}>
          <Input.TextArea
            value={note}
            onChange={(event) => { setNote(event.target.value); setNoteMissing(false); }}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={t('reviews.coi.notePlaceholder')}
            data-testid="coi-note"
          />
        </Form.Item>
      )}
      <Flex justify="flex-end">
        <Button type="primary" icon={<SafetyCertificateOutlined />} disabled={!choice} loading={declare.isPending} onClick={() => void onDeclare()} data-testid="coi-submit">
          {t('reviews.coi.submit')}
        </Button>
      </Flex>
    </Flex>
  );
}

interface OpinionValues {
  scores: Record<string, { score?: number; comment?: string }>;
  recommendation?: Decision;
  sharingMode?: SharingMode;
  embargoMonths?: number;
  comment?: string;
}

/** The request body from the form: one score per criterion of the rubric, comments only where written. */
export function opinionInput(rubric: readonly Criterion[], values: OpinionValues): OpinionInput {
  const comment = values.comment?.trim();
  return {
    scores: rubric.map((criterion) => {
      const given = values.scores?.[criterion.key];
      const note = given?.comment?.trim();
      return { criterion: criterion.key, score: given?.score ?? 0, ...(note ? { comment: note } : {}) };
    }),
    recommendation: values.recommendation ?? 'approve',
    sharingMode: values.sharingMode ?? 'open',
    embargoMonths: values.embargoMonths ?? 0,
    ...(comment ? { comment } : {}),
  };
}

/** The rubric: a score of 1–5 per criterion with comments, a recommendation, a sharing mode and an embargo. */
function OpinionForm({ resourceId, assignment, rubric }: { resourceId: string; assignment: ExpertAssignment; rubric: readonly Criterion[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpinionValues>();
  const submit = useSubmitOpinion(resourceId);

  const onFinish = async (values: OpinionValues) => {
    try {
      await submit.mutateAsync({ assignmentId: assignment.assignmentId, input: opinionInput(rubric, values) });
      message.success(t('reviews.opinion.submitted'));
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['recommendation', 'sharingMode', 'embargoMonths', 'comment'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <Form<OpinionValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ sharingMode: 'open', embargoMonths: 0 }} data-testid="opinion-form">
      {rubric.map((criterion) => (
        <Card key={criterion.key} size="small" style={{ marginBottom: 12 }} title={localLabel(criterion.label, i18n.language)}>
          <Form.Item name={['scores', criterion.key, 'score']} label={t('reviews.opinion.score')} rules={[{ required: true, message: t('reviews.opinion.scoreRequired') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={SCORES.map((value) => ({ value, label: String(value) }))} data-testid={`opinion-score-${criterion.key}`} />
          </Form.Item>
          <Form.Item name={['scores', criterion.key, 'comment']} style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} placeholder={t('reviews.opinion.criterionComment')} data-testid={`opinion-score-comment-${criterion.key}`} />
          </Form.Item>
        </Card>
      ))}
      <Form.Item name="recommendation" label={t('reviews.experts.recommendation')} rules={[{ required: true, message: t('reviews.opinion.recommendationRequired') }]}>
        <Radio.Group
          options={[
            { value: 'approve', label: <span data-testid="opinion-recommend-approve">{t('reviews.experts.recommend.approve')}</span> },
            { value: 'return', label: <span data-testid="opinion-recommend-return">{t('reviews.experts.recommend.return')}</span> },
          ]}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="sharingMode" label={t('reviews.opinion.sharingMode')} rules={[{ required: true }]} style={{ minWidth: 200 }}>
          <Select options={SHARING_MODES.map((mode) => ({ value: mode, label: sharingModeLabel(mode, t) }))} data-testid="opinion-sharing-mode" />
        </Form.Item>
        <Form.Item name="embargoMonths" label={t('reviews.opinion.embargoMonths')} rules={[{ required: true, type: 'integer', min: 0, max: 36, message: t('reviews.opinion.embargoRange') }]}>
          <InputNumber min={0} max={36} precision={0} suffix={t('reviews.opinion.monthsUnit')} style={{ width: 140 }} data-testid="opinion-embargo" />
        </Form.Item>
      </Flex>
      <Form.Item name="comment" label={t('reviews.opinion.comment')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} placeholder={t('reviews.opinion.commentPlaceholder')} data-testid="opinion-comment" />
      </Form.Item>
      <Flex justify="flex-end">
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submit.isPending} data-testid="opinion-submit">
          {t('reviews.opinion.submit')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The signed-in expert's own assignment: declaration, then the rubric, then what they gave. */
export function MyAssignment({ resourceId, assignment, rubric }: { resourceId: string; assignment: ExpertAssignment; rubric: readonly Criterion[] }) {
  const { t, i18n } = useTranslation();
  if (assignment.conflict === 'blocked') return <Alert type="error" showIcon title={t('reviews.coi.blocked')} description={assignment.conflictNote} data-testid="my-assignment-blocked" />;
  if (assignment.conflict === 'conflict') return <Alert type="warning" showIcon title={t('reviews.coi.ended')} description={assignment.conflictNote} data-testid="my-assignment-conflict" />;
  if (assignment.conflict === 'pending') return <ConflictDeclaration resourceId={resourceId} assignment={assignment} />;
  if (!assignment.submittedAt) return <OpinionForm resourceId={resourceId} assignment={assignment} rubric={rubric} />;
  return (
    <Flex vertical gap={12} data-testid="my-opinion">
      <Alert type="success" showIcon title={t('reviews.opinion.submittedAt', { date: formatDateTime(assignment.submittedAt, i18n.language) })} />
      <Descriptions size="small" column={1} bordered>
        {rubric.map((criterion) => {
          const given = assignment.scores?.find((s) => s.criterion === criterion.key);
          return (
            <Descriptions.Item key={criterion.key} label={localLabel(criterion.label, i18n.language)}>
              {given ? `${given.score}${given.comment ? ` · ${given.comment}` : ''}` : '—'}
            </Descriptions.Item>
          );
        })}
        <Descriptions.Item label={t('reviews.experts.recommendation')}>{assignment.recommendation ? t(`reviews.experts.recommend.${assignment.recommendation}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reviews.opinion.sharingMode')}>{sharingModeLabel(assignment.sharingMode, t)}</Descriptions.Item>
        <Descriptions.Item label={t('reviews.opinion.embargoMonths')}>{assignment.embargoMonths ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reviews.opinion.comment')}>{assignment.comment ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
