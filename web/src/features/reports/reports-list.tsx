import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { ReportFigures } from './report-figures';
import { formatPeriod } from './report-format';
import { ReportStatus } from './report-status';
import { REPORT_SCOPE_TYPES, REPORT_STATUSES, type Report, type ReportScopeType, type ReportStatus as Status } from './report-types';
import { useReports } from './reports-api';
import { ScopeCodeSelect } from './scope-code-select';

const PAGE_SIZE = 20;

/** The utilisation reports, newest first, filtered by scope and status; unfinished ones show progress and are polled. */
export function ReportsList() {
  const { t, i18n } = useTranslation();
  const [scopeType, setScopeType] = useState<ReportScopeType | undefined>();
  const [code, setCode] = useState<string | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [page, setPage] = useState(1);
  const reports = useReports({ scopeType, code, status, page, pageSize: PAGE_SIZE });
  const title = (scope: Report['scope']) => (i18n.language === 'en' && scope.titleEn ? scope.titleEn : scope.titleZh);

  const columns: TableColumnsType<Report> = [
    {
      title: t('reports.fields.scope'),
      key: 'scope',
      render: (_, report) => (
        <Flex vertical gap={2}>
          <span>
            <Tag style={{ marginInlineEnd: 6 }}>{t(`reports.scopeTypes.${report.scopeType}`)}</Tag>
            <Typography.Text strong>{title(report.scope)}</Typography.Text>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {report.scope.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('reports.fields.period'),
      key: 'period',
      width: 170,
      render: (_, report) => (
        <Flex vertical gap={2}>
          <span data-testid={`report-period-${report.id}`}>{formatPeriod(report)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`reports.periods.${report.period}`, { defaultValue: report.period })}
            {report.requestedByName ? ` · ${report.requestedByName}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('reports.fields.status'), key: 'status', width: 170, render: (_, report) => <ReportStatus report={report} /> },
    { title: t('reports.fields.summary'), key: 'summary', render: (_, report) => <ReportFigures report={report} /> },
    {
      title: t('reports.fields.files'),
      key: 'files',
      width: 110,
      render: (_, report) => (
        <Flex vertical gap={4} align="flex-start">
          {report.files.pdf && (
            <Button size="small" icon={<FilePdfOutlined />} href={report.files.pdf} target="_blank" data-testid={`report-pdf-${report.id}`}>
              PDF
            </Button>
          )}
          {report.files.xlsx && (
            <Button size="small" icon={<FileExcelOutlined />} href={report.files.xlsx} data-testid={`report-xlsx-${report.id}`}>
              Excel
            </Button>
          )}
          {!report.files.pdf && !report.files.xlsx && <Typography.Text type="secondary">—</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('reports.fields.createdAt'), dataIndex: 'createdAt', width: 150, responsive: ['xl'], render: (value: string) => formatDateTime(value, i18n.language) },
  ];

  const filters = (
    <Flex gap={8} wrap>
      <Select<ReportScopeType>
        allowClear
        placeholder={t('reports.filters.scopeType')}
        value={scopeType}
        onChange={(value) => {
          setScopeType(value);
          setCode(undefined);
          setPage(1);
        }}
        options={REPORT_SCOPE_TYPES.map((value) => ({ value, label: t(`reports.scopeTypes.${value}`) }))}
        style={{ width: 110 }}
        data-testid="reports-filter-scope-type"
      />
      <ScopeCodeSelect
        scopeType={scopeType}
        allowClear
        placeholder={t('reports.filters.code')}
        value={code}
        onChange={(value) => {
          setCode(value);
          setPage(1);
        }}
        width={260}
        testId="reports-filter-code"
      />
      <Select<Status>
        allowClear
        placeholder={t('reports.filters.status')}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        options={REPORT_STATUSES.map((value) => ({ value, label: t(`reports.statuses.${value}`) }))}
        style={{ width: 110 }}
        data-testid="reports-filter-status"
      />
    </Flex>
  );

  return (
    <Card title={t('reports.list.title')} extra={filters} style={{ marginBottom: 16 }}>
      {reports.isError && <Alert type="error" showIcon title={reports.error.message} style={{ marginBottom: 12 }} />}
      <Table<Report>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={reports.data?.items ?? []}
        loading={reports.isPending}
        onRow={(report) => ({ 'data-testid': `report-row-${report.id}` }) as HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: reports.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('reports.list.empty') }}
        data-testid="reports-table"
      />
    </Card>
  );
}
