import { lazy, Suspense } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResourceUsage } from './portal-api';
import type { PortalResource } from './portal-types';

const UsageTrendChart = lazy(() => import('./usage-trend-chart').then((m) => ({ default: m.UsageTrendChart })));

/** How much a resource is used (COUNTER: totals and unique sessions), with the monthly trend when the usage API answers. */
export function UsageCard({ resource }: { resource: PortalResource }) {
  const { t } = useTranslation();
  const usage = useResourceUsage(resource.id);
  const months = usage.data?.months ?? [];
  const stats = [
    { key: 'views', value: resource.usage.views },
    { key: 'downloads', value: resource.usage.downloads },
    { key: 'uniqueViews', value: resource.usage.uniqueViews },
    { key: 'uniqueDownloads', value: resource.usage.uniqueDownloads },
  ];
  return (
    <Card size="small" title={t('portal.usage.title')} data-testid="usage-card">
      <Row gutter={[8, 8]}>
        {stats.map((stat) => (
          <Col span={12} key={stat.key}>
            <Statistic title={t(`portal.usage.${stat.key}`)} value={stat.value} styles={{ content: { fontSize: 20 } }} data-testid={`usage-${stat.key}`} />
          </Col>
        ))}
      </Row>
      {months.length > 1 && (
        <Suspense fallback={<div style={{ height: 160 }} />}>
          <div style={{ marginTop: 12 }}>
            <UsageTrendChart months={months} labels={{ views: t('portal.usage.views'), downloads: t('portal.usage.downloads') }} />
          </div>
        </Suspense>
      )}
    </Card>
  );
}
