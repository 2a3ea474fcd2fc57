import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { progressPercent } from './report-format';
import type { Report } from './report-types';

const COLOURS: Record<string, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

/** Where a report stands: a progress bar while queued or running, when it finished, or why it failed. */
export function ReportStatus({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const tag = (
    <Tag color={COLOURS[report.status]} style={{ marginInlineEnd: 0 }} data-testid={`report-status-${report.id}`}>
      {t(`reports.statuses.${report.status}`, { defaultValue: report.status })}
    </Tag>
  );
  if (report.status === 'queued' || report.status === 'running') {
    return (
      <Flex vertical gap={2} data-testid={`report-progress-${report.id}`}>
        {tag}
        <Progress percent={progressPercent(report)} size="small" status="active" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {report.total > 0 ? t('reports.list.progress', { progress: report.progress, total: report.total }) : t('reports.list.waiting')}
        </Typography.Text>
      </Flex>
    );
  }
  if (report.status === 'failed') {
    return (
      <Flex vertical gap={2}>
        {tag}
        {report.error && (
          <Tooltip title={report.error}>
            <Typography.Text type="danger" ellipsis style={{ fontSize: 12, maxWidth: 160 }} data-testid={`report-error-${report.id}`}>
              {report.error}
            </Typography.Text>
          </Tooltip>
        )}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={2}>
      {tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(report.finishedAt, i18n.language)}
      </Typography.Text>
    </Flex>
  );
}
