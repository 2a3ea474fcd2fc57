import { useState } from 'react';
import { Alert, Button, Result, Segmented, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { ApplicationStatusTag, ExpiryText } from '../../features/portal/application-status';
import { DecisionModal } from '../../features/portal/decision-modal';
import { useApplicationsInbox } from '../../features/portal/portal-api';
import type { Application } from '../../features/portal/portal-types';

type Filter = 'pending' | 'all';

/** /applications/inbox (申请审批): applications for the provider's resources, pending first; approve until a date or reject with a reason. */
export function ApplicationsInboxPage() {
  const { t, i18n } = useTranslation();
  const inbox = useApplicationsInbox();
  const [filter, setFilter] = useState<Filter>('pending');
  const [deciding, setDeciding] = useState<Application | null>(null);
  // Kept after closing, so the modal does not change its title while it fades out.
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const open = (application: Application, next: 'approve' | 'reject') => {
    setDecision(next);
    setDeciding(application);
  };

  if (inbox.isError && inbox.error instanceof ApiError && inbox.error.status === 403) {
    return <Result status="403" title={t('portal.inbox.title')} subTitle={t('portal.inbox.forbidden')} />;
  }

  const items = [...(inbox.data ?? [])].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));
  const pending = items.filter((item) => item.status === 'pending');
  const shown = filter === 'pending' ? pending : items;

  const columns: TableColumnsType<Application> = [
    {
      title: t('portal.inbox.applicant'),
      key: 'applicant',
      width: 180,
      render: (_, application) => (
        <>
          <Typography.Text strong>{application.applicant.displayName}</Typography.Text>
          {application.applicant.email && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {application.applicant.email}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('portal.applications.resource'),
      key: 'resource',
      render: (_, application) => (
        <>
          <Link to={`/r/${encodeURIComponent(application.resourceId)}`}>{application.resourceTitle}</Link>
          <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: t('portal.inbox.more') }} style={{ margin: '4px 0 0', fontSize: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('portal.labelled', { label: t('portal.apply.purpose') })}</Typography.Text>
            {application.purpose}
          </Typography.Paragraph>
          <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: t('portal.inbox.more') }} style={{ margin: 0, fontSize: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('portal.labelled', { label: t('portal.apply.intendedUse') })}</Typography.Text>
            {application.intendedUse}
          </Typography.Paragraph>
        </>
      ),
    },
    { title: t('portal.applications.createdAt'), dataIndex: 'createdAt', width: 160, render: (value: string) => formatDateTime(value, i18n.language) },
    {
      title: t('portal.applications.status'),
      key: 'status',
      width: 160,
      render: (_, application) => (
        <>
          <ApplicationStatusTag application={application} />
          {application.status === 'approved' && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('portal.applications.until')} <ExpiryText application={application} />
            </Typography.Text>
          )}
          {application.status === 'rejected' && application.reason && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {application.reason}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'actions',
      width: 160,
      align: 'right',
      render: (_, application) =>
        application.status === 'pending' && (
          <Space size={4}>
            <Button type="primary" size="small" onClick={() => open(application, 'approve')} data-testid={`approve-${application.id}`}>
              {t('portal.inbox.approve')}
            </Button>
            <Button danger size="small" onClick={() => open(application, 'reject')} data-testid={`reject-${application.id}`}>
              {t('portal.inbox.reject')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('portal.inbox.title')}
        subtitle={t('portal.inbox.subtitle')}
        extra={
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'pending', label: t('portal.inbox.pendingN', { n: pending.length }) },
              { value: 'all', label: t('portal.inbox.allN', { n: items.length }) },
            ]}
            data-testid="inbox-filter"
          />
        }
      />
      {inbox.isError && <Alert type="error" showIcon title={inbox.error.message} style={{ marginBottom: 16 }} />}
      <Table<Application>
        rowKey="id"
        columns={columns}
        dataSource={shown}
        loading={inbox.isPending}
        pagination={shown.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: filter === 'pending' ? t('portal.inbox.emptyPending') : t('portal.inbox.empty') }}
        data-testid="applications-inbox"
      />
      <DecisionModal application={deciding} decision={decision} onClose={() => setDeciding(null)} />
    </>
  );
}
