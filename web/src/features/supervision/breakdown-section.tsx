import { lazy, Suspense, useMemo, type HTMLAttributes } from 'react';
import { Card, Col, Progress, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { breakdownOption } from './chart-options';
import { formatShare } from './supervision-format';
import type { Breakdown, BreakdownBy, BreakdownRow } from './supervision-types';

const EChart = lazy(() => import('./echart').then((m) => ({ default: m.EChart })));

interface BreakdownSectionProps {
  by: BreakdownBy;
  breakdown: Breakdown | undefined;
  loading: boolean;
  error: Error | null;
  onDrill: (row: BreakdownRow) => void;
}

/** Provinces (or the units of one province) side by side: a table to click into and the same rows as bars. */
export function BreakdownSection({ by, breakdown, loading, error, onDrill }: BreakdownSectionProps) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(() => breakdown?.rows ?? [], [breakdown]);
  const nameOf = (row: BreakdownRow) => (i18n.language === 'en' && row.nameEn ? row.nameEn : row.name);
  const option = useMemo(
    () => breakdownOption(rows, rows.map((row) => (i18n.language === 'en' && row.nameEn ? row.nameEn : row.name)), {
      planned: t('supervision.breakdown.planned'),
      delivered: t('supervision.breakdown.delivered'),
    }),
    [rows, i18n.language, t],
  );

  const columns: TableColumnsType<BreakdownRow> = [
    { title: t(`supervision.breakdown.by.${by}`), key: 'name', render: (_, row) => <Typography.Link>{nameOf(row)}</Typography.Link> },
    { title: t('supervision.breakdown.subjects'), dataIndex: 'subjects', width: 70, align: 'right' },
    {
      title: t('supervision.breakdown.completion'),
      key: 'completion',
      width: 170,
      render: (_, row) => (
        <div>
          <Progress percent={Math.round(row.completion * 1000) / 10} size="small" format={() => formatShare(row.completion, i18n.language)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('supervision.deliveredOfPlanned', { delivered: row.delivered, planned: row.planned })}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('supervision.breakdown.inReview'), dataIndex: 'inReview', width: 70, align: 'right' },
    {
      title: t('supervision.breakdown.overdueSubjects'),
      dataIndex: 'overdueSubjects',
      width: 80,
      align: 'right',
      render: (value: number) => (value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value),
    },
    { title: t('supervision.breakdown.certified'), dataIndex: 'certified', width: 80, align: 'right' },
  ];

  return (
    <Card size="small" title={t(`supervision.breakdown.title.${by}`)} style={{ marginBottom: 16 }} data-testid="breakdown">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Table<BreakdownRow>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={loading}
            pagination={rows.length > 12 ? { pageSize: 12, size: 'small', showSizeChanger: false } : false}
            locale={{ emptyText: error ? error.message : t('supervision.breakdown.empty') }}
            onRow={(row) =>
              ({ onClick: () => onDrill(row), style: { cursor: 'pointer' }, 'data-testid': `breakdown-row-${row.key}` }) as HTMLAttributes<HTMLElement>
            }
            data-testid="breakdown-table"
          />
        </Col>
        <Col xs={24} xl={11}>
          {rows.length > 0 && (
            <Suspense fallback={<div style={{ height: 300 }} />}>
              <EChart option={option} height={300} onPick={(index) => rows[index] && onDrill(rows[index])} data-testid="breakdown-chart" />
            </Suspense>
          )}
        </Col>
      </Row>
    </Card>
  );
}
