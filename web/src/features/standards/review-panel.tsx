import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { formatDateTime } from '../../components/format';
import { ItemList } from '../../components/item-list';
import { useReviewVersion } from './standards-api';
import type { ReviewDecision, VersionDetail, VersionReview } from './standard-types';

const DECISION_COLORS: Record<string, string> = { approve: 'success', request_changes: 'error', pending: 'default' };

function DecisionTag({ decision }: { decision: VersionReview['decision'] }) {
  const { t } = useTranslation();
  const key = decision ?? 'pending';
  return <Tag color={DECISION_COLORS[key]}>{t(`standards.review.decisions.${key}`)}</Tag>;
}

/** The assigned expert's decision: approve, or request changes with a comment saying what to change. */
function DecisionForm({ version }: { version: VersionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const review = useReviewVersion();
  const [choice, setChoice] = useState<ReviewDecision | null>(null);

  const decide = async (decision: ReviewDecision) => {
    setChoice(decision);
    const comment = (form.getFieldValue('comment') as string | undefined) ?? '';
    if (decision === 'request_changes' && !comment.trim()) {
      form.setFields([{ name: 'comment', errors: [t('standards.review.commentRequired')] }]);
      return;
    }
    try {
      await review.mutateAsync({ versionId: version.id, decision, comment });
      message.success(t(decision === 'approve' ? 'standards.review.approved' : 'standards.review.changesRequested'));
      form.resetFields();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['comment'], codeFields: { 'standard.comment_required': 'comment' } });
      if (rest) message.error(rest);
    }
  };

  return (
    <Card title={t('standards.review.yourDecision')} style={{ marginBottom: 16 }} data-testid="review-form">
      <Form form={form} layout="vertical">
        <Form.Item name="comment" label={t('standards.review.comment')} extra={t('standards.review.commentHint')}>
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="review-comment" />
        </Form.Item>
        <Flex gap={8} justify="flex-end">
          <Button danger icon={<EditOutlined />} loading={review.isPending && choice === 'request_changes'} onClick={() => void decide('request_changes')} data-testid="review-request-changes">
            {t('standards.review.requestChanges')}
          </Button>
          <Button type="primary" icon={<CheckOutlined />} loading={review.isPending && choice === 'approve'} onClick={() => void decide('approve')} data-testid="review-approve">
            {t('standards.review.approve')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

/** Review rounds of a version, newest first, with each expert's decision and comment. */
export function ReviewPanel({ version }: { version: VersionDetail }) {
  const { t, i18n } = useTranslation();
  const rounds = [...new Set(version.reviews.map((review) => review.round))].sort((a, b) => b - a);

  return (
    <>
      {version.canReview && <DecisionForm version={version} />}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'quorum', label: t('standards.review.quorum'), children: t(`standards.quorum.${version.quorum}`, { defaultValue: version.quorum }) },
          { key: 'rounds', label: t('standards.review.rounds'), children: version.reviewRound },
          { key: 'approvedAt', label: t('standards.version.approvedAt'), children: formatDateTime(version.approvedAt, i18n.language) },
        ]}
      />
      {rounds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(version.canManage ? 'standards.review.noneYet' : 'standards.review.none')} />
      ) : (
        <Flex vertical gap={16} data-testid="review-rounds">
          {rounds.map((round) => (
            <Card
              key={round}
              size="small"
              title={t('standards.review.round', { round })}
              extra={round === version.reviewRound && version.status === 'in_review' ? <Tag color="processing">{t('standards.review.current')}</Tag> : null}
            >
              <ItemList
                empty={null}
                items={version.reviews
                  .filter((review) => review.round === round)
                  .map((review) => ({
                    key: review.id,
                    title: (
                      <Flex gap={8} align="center">
                        <Typography.Text strong>{review.expertName}</Typography.Text>
                        <DecisionTag decision={review.decision} />
                      </Flex>
                    ),
                    description: review.comment ? <span style={{ whiteSpace: 'pre-wrap' }}>{review.comment}</span> : undefined,
                    extra: review.decidedAt ? <Typography.Text type="secondary">{formatDateTime(review.decidedAt, i18n.language)}</Typography.Text> : null,
                  }))}
              />
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}
