import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Result, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { formatDay } from '../../features/registry/dates';
import { useReuseInbox } from '../../features/reuse/reuse-api';
import { ReuseDecisionModal, type ReuseDecision } from '../../features/reuse/reuse-decision-modal';
import { ReuseKindTag, ReuseLinks } from '../../features/reuse/reuse-item';
import { REUSE_STATUSES, type ReuseReport, type ReuseStatus } from '../../features/reuse/reuse-types';

const PAGE_SIZE = 20;

/** /reuse (成效审核): reported citations and benefits of the reviewer's resources, by status; accept or reject with a note. */
export function ReuseInboxPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<ReuseStatus>('pending');
  const [page, setPage] = useState(1);
  const inbox = useReuseInbox({ status, page, pageSize: PAGE_SIZE });
  const [deciding, setDeciding] = useState<ReuseReport | null>(null);
  // Kept after closing, so the modal does not change its title while it fades out.
  const [decision, setDecision] = useState<ReuseDecision>('accept');
  const open = (report: ReuseReport, next: ReuseDecision) => {
    setDecision(next);
    setDeciding(report);
  };

  if (inbox.isError && inbox.error instanceof ApiError && inbox.error.status === 403) {
    return <Result status="403" title={t('reuse.inbox.title')} subTitle={t('reuse.inbox.forbidden')} />;
  }

  const columns: TableColumnsType<ReuseReport> = [
    {
      title: t('reuse.inbox.resource'),
      key: 'resource',
      width: 240,
      render: (_, report) => (
        <>
          <Link to={`/r/${encodeURIComponent(report.resourceId)}`} data-testid={`reuse-resource-${report.id}`}>{report.resourceTitle}</Link>
          {report.cstr && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontFamily: 'monospace' }}>
              {report.cstr}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('reuse.inbox.kind'), dataIndex: 'kind', width: 90, render: (kind: ReuseReport['kind']) => <ReuseKindTag kind={kind} /> },
    {
      title: t('reuse.inbox.description'),
      key: 'description',
      render: (_, report) => (
        <>
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: t('reuse.more') }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {report.description}
          </Typography.Paragraph>
          {report.citation && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: t('reuse.more') }} style={{ margin: '4px 0 0', fontSize: 12 }}>
              {t('reuse.inbox.citationLabel', { citation: report.citation })}
            </Typography.Paragraph>
          )}
          <ReuseLinks report={report} />
          {report.status !== 'pending' && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }} data-testid={`reuse-review-${report.id}`}>
              {t('reuse.inbox.reviewedBy', { name: report.reviewedByName ?? '—', date: formatDay(report.reviewedAt, i18n.language) })}
              {report.reviewNote ? ` · ${report.reviewNote}` : ''}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('reuse.inbox.reporter'), dataIndex: 'reportedByName', width: 110 },
    { title: t('reuse.inbox.reportedAt'), dataIndex: 'reportedAt', width: 130, render: (value: string) => formatDay(value, i18n.language) },
    {
      key: 'actions',
      width: 150,
      align: 'right',
      render: (_, report) =>
        report.status === 'pending' && (
          <Space size={4}>
            <Button type="primary" size="small" onClick={() => open(report, 'accept')} data-testid={`reuse-accept-${report.id}`}>
              {t('reuse.inbox.accept')}
            </Button>
            <Button danger size="small" onClick={() => open(report, 'reject')} data-testid={`reuse-reject-${report.id}`}>
              {t('reuse.inbox.reject')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('reuse.inbox.title')} subtitle={t('reuse.inbox.subtitle')} />
      <Tabs
        activeKey={status}
        onChange={(key) => {
          setStatus(key as ReuseStatus);
          setPage(1);
        }}
        items={REUSE_STATUSES.map((key) => ({ key, label: t(`reuse.inbox.tabs.${key}`) }))}
        data-testid="reuse-tabs"
      />
      {inbox.isError && <Alert type="error" showIcon title={inbox.error.message} style={{ marginBottom: 16 }} />}
      <Table<ReuseReport>
        rowKey="id"
        columns={columns}
        dataSource={inbox.data?.items ?? []}
        loading={inbox.isFetching}
        onRow={(report) => ({ 'data-testid': `reuse-row-${report.id}` }) as HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: inbox.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t(`reuse.inbox.empty.${status}`) }}
        data-testid="reuse-inbox"
      />
      <ReuseDecisionModal report={deciding} decision={decision} onClose={() => setDeciding(null)} />
    </>
  );
}
