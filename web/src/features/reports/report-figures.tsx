import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, formatScore } from './report-format';
import type { Report } from './report-types';

/** The headline numbers of a finished report, in one compact block. */
export function ReportFigures({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const { summary } = report;
  if (!summary) return <Typography.Text type="secondary">—</Typography.Text>;
  const n = (value: number) => formatCount(value, i18n.language);
  const figures = [
    { key: 'subjects', value: n(summary.subjects) },
    { key: 'delivery', value: `${n(summary.delivered)} / ${n(summary.planned)}` },
    { key: 'released', value: n(summary.released) },
    { key: 'views', value: n(summary.views) },
    { key: 'downloads', value: n(summary.downloads) },
    { key: 'searchHits', value: n(summary.searchHits) },
    { key: 'uniqueUsers', value: n(summary.uniqueUsers) },
    { key: 'applications', value: n(summary.applications) },
    { key: 'reuse', value: n(summary.reuse) },
    { key: 'meanTotal', value: formatScore(summary.meanTotal, i18n.language) },
  ];
  return (
    <Flex wrap gap="2px 14px" style={{ fontSize: 12, maxWidth: 420 }} data-testid={`report-summary-${report.id}`}>
      {figures.map((figure) => (
        <span key={figure.key} data-testid={`report-${figure.key}-${report.id}`}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`reports.summary.${figure.key}`)}</Typography.Text>{' '}
          <Typography.Text strong style={{ fontSize: 12 }}>{figure.value}</Typography.Text>
        </span>
      ))}
    </Flex>
  );
}
