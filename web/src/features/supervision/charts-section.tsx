import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Segmented, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { completionOption, overdueOption, turnaroundOption, usageOption, type ChartOption } from './chart-options';
import { useCharts } from './supervision-api';
import type { ScopeFilter } from './supervision-types';

const EChart = lazy(() => import('./echart').then((m) => ({ default: m.EChart })));
const MONTHS = [6, 12, 24, 36] as const;

function ChartCard({ id, title, option }: { id: string; title: string; option: ChartOption | null }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={`chart-${id}`}>
      {option ? (
        <Suspense fallback={<div style={{ height: 240 }} />}>
          <EChart option={option} height={240} data-testid={`chart-${id}-canvas`} />
        </Suspense>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.charts.empty')} style={{ height: 216 }} />
      )}
    </Card>
  );
}

/** Trends of the scope over the last months (GET /api/supervision/charts). */
export function ChartsSection({ filter }: { filter: ScopeFilter }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState<number>(12);
  const charts = useCharts(filter, months);
  const data = charts.data;

  const options = useMemo(() => {
    if (!data) return null;
    const tiers = Object.fromEntries(
      data.turnaround.map((row) => [row.tier, t('supervision.charts.tierCount', { tier: t(`supervision.tiers.${row.tier}`), count: row.count })]),
    );
    return {
      completion: data.completion.length
        ? completionOption(data, { planned: t('supervision.charts.plannedCumulative'), delivered: t('supervision.charts.deliveredCumulative') })
        : null,
      overdue: data.overdue.length ? overdueOption(data, { lines: t('supervision.charts.overdueLines') }) : null,
      turnaround: data.turnaround.length ? turnaroundOption(data, { tiers, mean: t('supervision.charts.meanDays'), median: t('supervision.charts.medianDays') }) : null,
      usage: data.usage.length
        ? usageOption(data, { views: t('supervision.charts.views'), downloads: t('supervision.charts.downloads'), searchHits: t('supervision.charts.searchHits') })
        : null,
    };
  }, [data, t]);

  return (
    <Card
      title={t('supervision.charts.title')}
      extra={
        <Segmented<number>
          size="small"
          value={months}
          onChange={setMonths}
          options={MONTHS.map((value) => ({ value, label: t('supervision.charts.months', { count: value }) }))}
          data-testid="chart-months"
        />
      }
      data-testid="supervision-charts"
    >
      {charts.isError && <Alert type="error" showIcon title={charts.error.message} />}
      {!options && !charts.isError && <Skeleton active paragraph={{ rows: 6 }} />}
      {options && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <ChartCard id="completion" title={t('supervision.charts.completion')} option={options.completion} />
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard id="overdue" title={t('supervision.charts.overdue')} option={options.overdue} />
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard id="turnaround" title={t('supervision.charts.turnaround')} option={options.turnaround} />
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard id="usage" title={t('supervision.charts.usage')} option={options.usage} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
