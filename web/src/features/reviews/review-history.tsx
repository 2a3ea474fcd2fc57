import type { ReactNode } from 'react';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { CheckCircleOutlined, MinusCircleOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { ReviewDetail, ReviewRound } from './review-types';

interface Event {
  key: string;
  at: string;
  color: string;
  icon: ReactNode;
  title: ReactNode;
  content?: ReactNode;
}

const OUTCOME_COLORS: Record<ReviewRound['outcome'], string> = { open: 'processing', returned: 'warning', approved: 'success' };
const DECISION_COLORS = { approve: 'green', return: 'red', skipped: 'gray' } as const;
const DECISION_ICONS = { approve: <CheckCircleOutlined />, return: <RollbackOutlined />, skipped: <MinusCircleOutlined /> } as const;

/** Rounds and decisions, oldest first: who submitted, which tier approved, returned or was skipped, and why. */
export function ReviewHistory({ review }: { review: ReviewDetail }) {
  const { t, i18n } = useTranslation();
  const events: Event[] = [
    ...review.rounds.map((round) => ({
      key: `round-${round.round}`,
      at: round.submittedAt,
      color: 'blue',
      icon: <SendOutlined />,
      title: (
        <Flex gap={6} align="center" wrap>
          <span>{t('reviews.history.submitted', { n: round.round, name: round.submittedByName ?? '—' })}</span>
          <Tag color={OUTCOME_COLORS[round.outcome]} style={{ marginInlineEnd: 0 }}>{t(`reviews.history.outcome.${round.outcome}`)}</Tag>
        </Flex>
      ),
    })),
    ...review.decisions.map((decision) => ({
      key: decision.id,
      at: decision.decidedAt,
      color: DECISION_COLORS[decision.decision],
      icon: DECISION_ICONS[decision.decision],
      title: t(`reviews.history.${decision.decision}`, { tier: t(`reviews.tiers.${decision.tier}`), name: decision.reviewerName ?? '—', n: decision.round }),
      content: decision.comment ? <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>“{decision.comment}”</Typography.Text> : undefined,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviews.history.none')} />;
  return (
    <Timeline
      data-testid="review-history"
      items={events.map((event) => ({
        key: event.key,
        color: event.color,
        icon: event.icon,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text>{event.title}</Typography.Text>
            {event.content}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(event.at, i18n.language)}</Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
