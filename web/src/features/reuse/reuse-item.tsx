import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../registry/dates';
import type { ReuseKind, ReuseReport, ReuseStatus } from './reuse-types';

const KIND_COLOURS: Record<ReuseKind, string> = { citation: 'blue', benefit: 'green' };
const STATUS_COLOURS: Record<ReuseStatus, string> = { pending: 'processing', accepted: 'success', rejected: 'error' };

export function ReuseKindTag({ kind }: { kind: ReuseKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLOURS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`reuse.kinds.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}

export function ReuseStatusTag({ status }: { status: ReuseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`reuse.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** DOI and web links of a report, opening in a new tab. */
export function ReuseLinks({ report }: { report: Pick<ReuseReport, 'id' | 'doi' | 'url'> }) {
  if (!report.doi && !report.url) return null;
  return (
    <Flex gap={12} wrap style={{ fontSize: 12 }}>
      {report.doi && (
        <a href={`https://doi.org/${report.doi}`} target="_blank" rel="noopener noreferrer" data-testid={`reuse-doi-${report.id}`}>
          DOI {report.doi}
        </a>
      )}
      {report.url && (
        <a href={report.url} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }} data-testid={`reuse-url-${report.id}`}>
          {report.url}
        </a>
      )}
    </Flex>
  );
}

/**
 * One reuse report as a reader sees it: kind, the citation (for citations) or the description, links,
 * who reported it and when; the reporter's own pending report is marked as awaiting review.
 */
export function ReuseItem({ report }: { report: ReuseReport }) {
  const { t, i18n } = useTranslation();
  const headline = report.kind === 'citation' && report.citation ? report.citation : report.description;
  const detail = headline === report.description ? null : report.description;
  return (
    <Flex vertical gap={4} data-testid={`reuse-item-${report.id}`} data-status={report.status}>
      <Flex gap={8} align="flex-start">
        <ReuseKindTag kind={report.kind} />
        <Typography.Text style={{ whiteSpace: 'pre-wrap', flex: 1 }}>{headline}</Typography.Text>
        {report.status !== 'accepted' && <ReuseStatusTag status={report.status} />}
      </Flex>
      {detail && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true, symbol: t('reuse.more') }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {detail}
        </Typography.Paragraph>
      )}
      <ReuseLinks report={report} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reuse.reportedBy', { name: report.reportedByName, date: formatDay(report.reportedAt, i18n.language) })}
      </Typography.Text>
    </Flex>
  );
}
