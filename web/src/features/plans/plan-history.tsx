import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { CheckCircleOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { formatDay } from '../registry/dates';
import type { Plan, PlanVersion } from './plan-types';

interface Event {
  key: string;
  at: string;
  color: string;
  icon: React.ReactNode;
  title: React.ReactNode;
  content?: React.ReactNode;
}

/** Rounds and decisions of a plan version, oldest first: who submitted, who approved or returned, and why. */
export function PlanRounds({ version }: { version: PlanVersion }) {
  const { t, i18n } = useTranslation();
  const events: Event[] = [
    ...version.rounds.map((round) => ({
      key: `round-${round.round}`,
      at: round.submittedAt,
      color: 'blue',
      icon: <SendOutlined />,
      title: t('plans.history.submitted', { n: round.round, count: round.lines.length }),
    })),
    ...version.decisions.map((decision, index) => ({
      key: `decision-${index}`,
      at: decision.decidedAt,
      color: decision.decision === 'approve' ? 'green' : 'red',
      icon: decision.decision === 'approve' ? <CheckCircleOutlined /> : <RollbackOutlined />,
      title: t(`plans.history.${decision.tier}_${decision.decision}`, { name: decision.reviewerName ?? '—', n: decision.round }),
      content: decision.comment ? <Typography.Text type="secondary">“{decision.comment}”</Typography.Text> : undefined,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.history.none')} />;
  return (
    <Timeline
      data-testid="plan-rounds"
      items={events.map((event) => ({
        key: event.key,
        color: event.color,
        icon: event.icon,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text>{event.title}</Typography.Text>
            {event.content}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(event.at, i18n.language)}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}

/** Every version of the plan: the initial one and amendments, with their fate. */
export function PlanVersions({ history }: { history: Plan['history'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex vertical gap={10} data-testid="plan-versions">
      {[...history].reverse().map((version) => (
        <Flex key={version.id} justify="space-between" align="flex-start" gap={12}>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{t('plans.versionN', { n: version.versionNo })}</Typography.Text>
            <Typography.Text type="secondary"> · {t(`plans.kind.${version.kind}`)}</Typography.Text>
            {version.amendmentReason && (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: version.amendmentReason }} style={{ margin: 0, fontSize: 12 }}>
                {version.amendmentReason}
              </Typography.Paragraph>
            )}
          </div>
          <Flex vertical align="flex-end" gap={2} style={{ flexShrink: 0 }}>
            <Tag style={{ marginInlineEnd: 0 }} color={version.status === 'approved' ? 'success' : undefined}>
              {t(`plans.status.${version.status}`)}
            </Tag>
            {version.approvedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDay(version.approvedAt, i18n.language)}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}
