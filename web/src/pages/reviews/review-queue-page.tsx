import { Button, Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session';
import { OverdueTag } from '../../features/plans/plan-status-tag';
import type { QueueItem } from '../../features/plans/plan-types';
import { useReviewQueue } from '../../features/plans/plans-api';
import { daysUntil, formatDay } from '../../features/registry/dates';
import { reviewTiers, type ReviewTier } from '../../features/registry/registry-access';
import { resourceReviewTiers } from '../../features/reviews/review-access';
import { ResourceQueue } from '../../features/reviews/resource-queue';
import type { QueueTier } from '../../features/reviews/review-types';

/** Plans waiting at the user's review step (unit or platform), oldest deadline first. */
function PlanQueue({ tier, tiers, onTier }: { tier: ReviewTier | undefined; tiers: ReviewTier[]; onTier: (tier: ReviewTier) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queue = useReviewQueue(tier);
  const open = (item: QueueItem) => navigate(`/subjects/${item.subjectId}/plan`);

  const columns: TableColumnsType<QueueItem> = [
    {
      title: t('registry.fields.subject'),
      key: 'subject',
      render: (_, item) => (
        <Flex vertical gap={2}>
          <Link to={`/subjects/${item.subjectId}/plan`} data-testid={`queue-link-${item.code}`}>{item.titleZh}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>{item.code}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('registry.fields.leadUnit'), dataIndex: 'leadUnitName', width: 150, ellipsis: true, responsive: ['lg'] },
    { title: t('registry.fields.pi'), dataIndex: 'piName', width: 100, render: (value: string | null) => value ?? '—' },
    {
      title: t('plans.queue.what'),
      key: 'what',
      width: 130,
      render: (_, item) => (
        <Flex gap={4} wrap>
          <Tag color={item.kind === 'amendment' ? 'geekblue' : 'blue'} style={{ marginInlineEnd: 0 }}>{t(`plans.kind.${item.kind}`)}</Tag>
          <Tag style={{ marginInlineEnd: 0 }}>{t('plans.roundN', { n: item.round })}</Tag>
        </Flex>
      ),
    },
    { title: t('plans.queue.since'), dataIndex: 'since', width: 160, responsive: ['xl'], render: (value: string) => formatDateTime(value, i18n.language) },
    {
      title: t('plans.queue.due'),
      dataIndex: 'dueAt',
      width: 150,
      render: (value: string | null, item) =>
        value ? (
          <Flex vertical gap={2} align="flex-start">
            <Typography.Text type={item.overdue ? 'danger' : undefined}>{formatDay(value, i18n.language)}</Typography.Text>
            {item.overdue ? <OverdueTag /> : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('plans.deadline.daysLeft', { count: Math.max(0, daysUntil(value)) })}</Typography.Text>}
          </Flex>
        ) : '—',
    },
    {
      key: 'open',
      width: 100,
      align: 'right',
      render: (_, item) => (
        <Button type="primary" size="small" icon={<AuditOutlined />} onClick={() => open(item)}>
          {t('plans.queue.review')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={tier ? t('reviews.queue.plansTitle', { tier: t(`plans.queue.tier_${tier}`) }) : undefined}
      data-testid="plan-queue"
      extra={
        tiers.length > 1 && (
          <Segmented<ReviewTier> value={tier} onChange={onTier} options={tiers.map((value) => ({ value, label: t(`plans.queue.tier_${value}`) }))} />
        )
      }
    >
      <Table<QueueItem>
        rowKey="versionId"
        size="middle"
        data-testid="review-queue"
        columns={columns}
        dataSource={queue.data ?? []}
        loading={queue.isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: queue.isError ? queue.error.message : t('plans.queue.empty') }}
        onRow={(item) => ({ style: item.overdue ? { background: '#fef2f2' } : undefined })}
      />
    </Card>
  );
}

/** "审核待办": resources and collection plans waiting at the user's review steps. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const me = useSession();
  const planTiers = reviewTiers(me);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tier') as ReviewTier | null;
  const planTier = asked && planTiers.includes(asked) ? asked : planTiers[0];
  const resourceTier = (params.get('resourceTier') as QueueTier | null) ?? undefined;
  const setParam = (key: string, value: string) => setParams((current) => ({ ...Object.fromEntries(current), [key]: value }), { replace: true });

  return (
    <>
      <PageHeader title={t('plans.queue.title')} subtitle={t('reviews.queue.subtitle')} />
      <Flex vertical gap={16}>
        {resourceReviewTiers(me).length > 0 && <ResourceQueue tier={resourceTier} onTier={(value) => setParam('resourceTier', value)} />}
        {planTiers.length > 0 && <PlanQueue tier={planTier} tiers={planTiers} onTier={(value) => setParam('tier', value)} />}
      </Flex>
    </>
  );
}
