import type { ReactNode } from 'react';
import { Alert, Card, Flex, Progress, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, formatMoney, formatShare } from './supervision-format';
import type { Overview } from './supervision-types';

function Kpi({ id, title, value, footer, danger }: { id: string; title: string; value: ReactNode; footer?: ReactNode; danger?: boolean }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`kpi-${id}`}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {title}
      </Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.4, color: danger ? '#dc2626' : undefined }} data-testid={`kpi-${id}-value`}>
        {value}
      </div>
      {footer && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`kpi-${id}-footer`}>
          {footer}
        </Typography.Text>
      )}
    </Card>
  );
}

/** The headline numbers of the current scope (GET /api/supervision/overview). */
export function KpiCards({ overview, loading, error }: { overview: Overview | undefined; loading: boolean; error: Error | null }) {
  const { t, i18n } = useTranslation();
  if (error) return <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />;
  if (!overview) return <Skeleton active paragraph={{ rows: 3 }} loading={loading} />;
  const n = (value: number) => formatCount(value, i18n.language);
  const o = overview;
  const cards = [
    { id: 'subjects', title: t('supervision.kpi.subjects'), value: n(o.subjects), footer: t('supervision.kpi.withApprovedPlan', { count: o.withApprovedPlan }) },
    {
      id: 'completion',
      title: t('supervision.kpi.completion'),
      value: (
        <Flex align="center" gap={8}>
          {formatShare(o.completion, i18n.language)}
          <Progress percent={Math.round(o.completion * 1000) / 10} showInfo={false} size="small" style={{ width: 64, margin: 0 }} />
        </Flex>
      ),
      footer: t('supervision.deliveredOfPlanned', { delivered: n(o.delivered), planned: n(o.planned) }),
    },
    {
      id: 'inReview',
      title: t('supervision.kpi.inReview'),
      value: n(o.inReview.unit + o.inReview.platform + o.inReview.expert),
      footer: t('supervision.kpi.inReviewTiers', { unit: o.inReview.unit, platform: o.inReview.platform, expert: o.inReview.expert }),
    },
    {
      id: 'overdue',
      title: t('supervision.kpi.overdueSubjects'),
      value: n(o.overdue.subjects),
      danger: o.overdue.subjects > 0,
      footer: t('supervision.kpi.overdueParts', { lines: o.overdue.planLines, plans: o.overdue.planReviews, resources: o.overdue.resourceReviews }),
    },
    {
      id: 'certificates',
      title: t('supervision.kpi.certificates'),
      value: n(o.certificates.issued),
      footer: t('supervision.kpi.eligible', { count: o.certificates.eligible }),
    },
    { id: 'acceptance', title: t('supervision.kpi.acceptance'), value: n(o.acceptanceWithin90Days), footer: t('supervision.kpi.acceptanceHint') },
    {
      id: 'funding',
      title: t('supervision.kpi.funding'),
      value: formatMoney(o.funding.spent, i18n.language),
      footer: (
        <>
          {t('supervision.kpi.budget', { amount: formatMoney(o.funding.budget, i18n.language) })}
          {o.funding.flagged > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{` · ${t('supervision.kpi.flagged', { count: o.funding.flagged })}`}</Typography.Text>}
        </>
      ),
    },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 12, marginBottom: 16 }} data-testid="supervision-kpis">
      {cards.map(({ id, ...card }) => (
        <Kpi key={id} id={id} {...card} />
      ))}
    </div>
  );
}
