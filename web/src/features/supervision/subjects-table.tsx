import { useState } from 'react';
import { Button, Card, Flex, Progress, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format';
import { PlanStatusTag } from '../plans/plan-status-tag';
import { RemindModal } from './remind-modal';
import { CertificateCell, DaysToAcceptance, FundingCell, InReviewCell, OverdueTags } from './subject-cells';
import { useSupervisionSubjects } from './supervision-api';
import { exportHref, type SupervisionQuery } from './supervision-filter';
import { formatShare } from './supervision-format';
import type { SortOrder, SubjectRow, SubjectSort } from './supervision-types';
import { nextPage, serverPagination } from '../../components/server-pagination';

interface SubjectsTableProps {
  query: SupervisionQuery;
  onChange: (patch: Partial<SupervisionQuery>) => void;
  /** Whether the user may remind at all (the server still decides per subject, shown by row.canRemind). */
  canRemind: boolean;
}

const toAntOrder = (sort: SubjectSort | undefined, order: SortOrder | undefined, column: SubjectSort) =>
  sort === column ? (order === 'desc' ? 'descend' : 'ascend') : null;

/** The subjects of the scope with their progress and what is late; select some and remind them, or export all. */
export function SubjectsTable({ query, onChange, canRemind }: SubjectsTableProps) {
  const { t, i18n } = useTranslation();
  const subjects = useSupervisionSubjects(query);
  const [selected, setSelected] = useState<Map<string, SubjectRow>>(new Map());
  const [reminding, setReminding] = useState(false);
  const title = (row: SubjectRow) => (i18n.language === 'en' && row.titleEn ? row.titleEn : row.titleZh);

  const columns: TableColumnsType<SubjectRow> = [
    {
      title: t('supervision.subjects.code'),
      dataIndex: 'code',
      key: 'code',
      width: 150,
      fixed: 'left',
      sorter: true,
      sortOrder: toAntOrder(query.sort, query.order, 'code'),
      render: (code: string) => (
        <Link to={`/subjects/${encodeURIComponent(code)}`} style={{ fontFamily: 'monospace' }} data-testid={`subject-link-${code}`}>
          {code}
        </Link>
      ),
    },
    { title: t('supervision.subjects.title'), key: 'title', width: 220, ellipsis: true, render: (_, row) => title(row) },
    { title: t('supervision.subjects.pi'), dataIndex: 'piName', width: 90, render: (value: string | null) => value ?? '—' },
    { title: t('supervision.subjects.leadUnit'), key: 'leadUnit', width: 150, ellipsis: true, render: (_, row) => row.leadUnit.name },
    { title: t('supervision.subjects.planStatus'), key: 'plan', width: 110, render: (_, row) => <PlanStatusTag status={row.planStatus} /> },
    {
      title: t('supervision.subjects.completion'),
      key: 'completion',
      width: 150,
      sorter: true,
      sortOrder: toAntOrder(query.sort, query.order, 'completion'),
      render: (_, row) => (
        <div data-testid={`completion-${row.code}`}>
          <Progress percent={Math.round(row.completion * 1000) / 10} size="small" format={() => formatShare(row.completion, i18n.language)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('supervision.deliveredOfPlanned', { delivered: row.delivered, planned: row.planned })}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('supervision.subjects.inReview'), key: 'inReview', width: 100, render: (_, row) => <InReviewCell inReview={row.inReview} /> },
    {
      title: t('supervision.subjects.overdue'),
      key: 'overdue',
      width: 190,
      sorter: true,
      sortOrder: toAntOrder(query.sort, query.order, 'overdue'),
      render: (_, row) => <OverdueTags items={row.overdueItems} />,
    },
    {
      title: t('supervision.subjects.daysToAcceptance'),
      key: 'daysToAcceptance',
      width: 110,
      sorter: true,
      sortOrder: toAntOrder(query.sort, query.order, 'daysToAcceptance'),
      render: (_, row) => <DaysToAcceptance days={row.daysToAcceptance} />,
    },
    { title: t('supervision.subjects.certificate'), key: 'certificate', width: 90, render: (_, row) => <CertificateCell certificate={row.certificate} /> },
    { title: t('supervision.subjects.funding'), key: 'funding', width: 190, render: (_, row) => <FundingCell funding={row.funding} /> },
    {
      title: t('supervision.subjects.lastReminder'),
      dataIndex: 'lastReminderAt',
      width: 150,
      render: (value: string | null) => <span style={{ fontSize: 12 }}>{formatDateTime(value, i18n.language)}</span>,
    },
  ];

  const handleChange: TableProps<SubjectRow>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const sort = one?.order ? (String(one.columnKey) as SubjectSort) : undefined;
      onChange({ sort, order: one?.order === 'descend' ? 'desc' : one?.order === 'ascend' ? 'asc' : undefined, page: 1 });
      return;
    }
    onChange(nextPage(query, pagination.current ?? 1, pagination.pageSize ?? query.pageSize));
  };

  const selectedRows = [...selected.values()];
  return (
    <Card
      title={t('supervision.subjects.heading')}
      style={{ marginBottom: 16 }}
      extra={
        <Flex gap={8}>
          {canRemind && (
            <Button type="primary" icon={<BellOutlined />} disabled={selected.size === 0} onClick={() => setReminding(true)} data-testid="remind-button">
              {selected.size > 0 ? t('supervision.remind.buttonCount', { count: selected.size }) : t('supervision.remind.button')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={exportHref(query)} download data-testid="export-xlsx">
            {t('supervision.subjects.export')}
          </Button>
        </Flex>
      }
      data-testid="supervision-subjects"
    >
      <Table<SubjectRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={subjects.data?.items ?? []}
        loading={subjects.isFetching}
        scroll={{ x: 1700 }}
        locale={{ emptyText: subjects.isError ? subjects.error.message : undefined }}
        onRow={(row) => ({ 'data-testid': `supervision-subject-${row.code}` }) as React.HTMLAttributes<HTMLElement>}
        rowSelection={
          canRemind
            ? {
                selectedRowKeys: [...selected.keys()],
                preserveSelectedRowKeys: true,
                getCheckboxProps: (row) => ({ disabled: !row.canRemind, 'data-testid': `select-${row.code}` }) as object,
                renderCell: (_checked, row, _index, node) => (row.canRemind ? node : null),
                onChange: (_keys, rows) => {
                  setSelected((current) => {
                    const onPage = new Set((subjects.data?.items ?? []).map((row) => row.code));
                    const next = new Map([...current].filter(([code]) => !onPage.has(code)));
                    for (const row of rows) if (row && row.canRemind) next.set(row.code, row);
                    return next;
                  });
                },
              }
            : undefined
        }
        onChange={handleChange}
        pagination={serverPagination(query, subjects.data?.total, (total) => t('supervision.subjects.count', { count: total }))}
      />
      <RemindModal
        open={reminding}
        subjects={selectedRows}
        onClose={(sent) => {
          setReminding(false);
          if (sent) setSelected(new Map());
        }}
      />
    </Card>
  );
}
