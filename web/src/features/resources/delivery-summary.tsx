import { Card, Empty, Flex, Progress, Skeleton, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliveryRow } from './resource-types';

/** Submitted (in review or beyond) counts as delivered; released is the solid part of the bar. */
export function deliveredShare(row: DeliveryRow): { delivered: number; percent: number; releasedPercent: number } {
  const delivered = row.inReview + row.released;
  if (row.planned <= 0) return { delivered, percent: delivered > 0 ? 100 : 0, releasedPercent: row.released > 0 ? 100 : 0 };
  return {
    delivered,
    percent: Math.min(100, Math.round((delivered / row.planned) * 100)),
    releasedPercent: Math.min(100, Math.round((row.released / row.planned) * 100)),
  };
}

/** Delivered vs planned per resource type (the approved plan is the yardstick). */
export function DeliverySummary({ rows, loading, typeLabel }: { rows: DeliveryRow[]; loading: boolean; typeLabel: (type: string) => string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('resources.delivery.title')} data-testid="delivery-summary">
      {loading && <Skeleton active paragraph={{ rows: 3 }} />}
      {!loading && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resources.delivery.empty')} />}
      <Flex vertical gap={10}>
        {rows.map((row) => {
          const share = deliveredShare(row);
          return (
            <div key={row.resourceType} data-testid={`delivery-${row.resourceType}`}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{typeLabel(row.resourceType)}</Typography.Text>
                <Typography.Text type="secondary">
                  {row.planned > 0
                    ? t('resources.delivery.ofPlanned', { delivered: share.delivered, planned: row.planned })
                    : t('resources.delivery.unplanned', { delivered: share.delivered })}
                </Typography.Text>
              </Flex>
              <Tooltip title={t('resources.delivery.breakdown', { drafts: row.drafts, inReview: row.inReview, released: row.released })}>
                <Progress
                  percent={share.percent}
                  success={{ percent: share.releasedPercent }}
                  size="small"
                  status={share.percent >= 100 ? 'success' : 'normal'}
                  format={() => `${share.percent}%`}
                />
              </Tooltip>
              {row.drafts > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('resources.delivery.drafts', { count: row.drafts })}
                </Typography.Text>
              )}
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}
