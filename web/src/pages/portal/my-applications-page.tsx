import { Alert, Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { ApplicationStatusTag, ExpiryText } from '../../features/portal/application-status';
import { useMyApplications } from '../../features/portal/portal-api';
import type { Application } from '../../features/portal/portal-types';

/** /applications (我的申请): the user's applications for access, with their status, the provider's reason and the access period. */
export function MyApplicationsPage() {
  const { t, i18n } = useTranslation();
  const applications = useMyApplications();

  const columns: TableColumnsType<Application> = [
    {
      title: t('portal.applications.resource'),
      key: 'resource',
      render: (_, application) => (
        <>
          <Link to={`/r/${encodeURIComponent(application.resourceId)}`}>{application.resourceTitle}</Link>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: application.purpose }} style={{ margin: 0, fontSize: 12 }}>
            {application.purpose}
          </Typography.Paragraph>
        </>
      ),
    },
    { title: t('portal.applications.createdAt'), dataIndex: 'createdAt', width: 170, render: (value: string) => formatDateTime(value, i18n.language) },
    { title: t('portal.applications.status'), key: 'status', width: 100, render: (_, application) => <ApplicationStatusTag application={application} /> },
    {
      title: t('portal.applications.reason'),
      dataIndex: 'reason',
      render: (reason: string | null) => (reason ? <span style={{ whiteSpace: 'pre-wrap' }}>{reason}</span> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('portal.applications.expiresAt'), key: 'expiresAt', width: 140, render: (_, application) => <ExpiryText application={application} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('portal.applications.title')}
        subtitle={t('portal.applications.subtitle')}
        extra={
          <Link to="/search">
            <Button icon={<SearchOutlined />}>{t('portal.nav.search')}</Button>
          </Link>
        }
      />
      {applications.isError && <Alert type="error" showIcon title={applications.error.message} style={{ marginBottom: 16 }} />}
      <Table<Application>
        rowKey="id"
        columns={columns}
        dataSource={applications.data ?? []}
        loading={applications.isPending}
        pagination={(applications.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('portal.applications.empty') }}
        data-testid="my-applications"
      />
    </>
  );
}
