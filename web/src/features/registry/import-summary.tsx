import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportCounts, ImportResult } from './registry-types';

type Row = ImportCounts & { key: 'programs' | 'projects' | 'subjects' };

/** What an import creates, updates and leaves unchanged, per level; people invited by mail. */
export function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const rows: Row[] = (['programs', 'projects', 'subjects'] as const).map((key) => ({ key, ...result.summary[key] }));
  const number = (value: number) => (value > 0 ? <Typography.Text strong>{value}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>);
  const columns: TableColumnsType<Row> = [
    { title: '', dataIndex: 'key', render: (key: Row['key']) => t(`registry.import.levels.${key}`) },
    { title: t(result.dryRun ? 'registry.import.toCreate' : 'registry.import.created'), dataIndex: 'created', align: 'right', render: number },
    { title: t(result.dryRun ? 'registry.import.toUpdate' : 'registry.import.updated'), dataIndex: 'updated', align: 'right', render: number },
    { title: t('registry.import.unchanged'), dataIndex: 'unchanged', align: 'right', render: number },
  ];
  return (
    <div style={{ width: '100%', maxWidth: 560 }}>
      <Table<Row> data-testid="import-summary" size="small" columns={columns} dataSource={rows} pagination={false} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, textAlign: 'start' }}>
        {t('registry.import.rowsAndPeople', { rows: result.summary.rows, people: result.summary.invitedPeople })}
      </Typography.Paragraph>
    </div>
  );
}

/** Problems of a file by row and column, as the dry run found them. */
export function ImportProblems({ problems }: { problems: ImportResult['problems'] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportResult['problems'][number]> = [
    { title: t('registry.import.row'), dataIndex: 'row', width: 80, render: (row: number | null) => row ?? '—' },
    { title: t('registry.import.column'), dataIndex: 'column', width: 260, render: (column: string | null) => (column ? <Typography.Text code>{column}</Typography.Text> : '—') },
    { title: t('registry.import.problem'), dataIndex: 'message' },
  ];
  return (
    <Table
      data-testid="import-problems"
      rowKey={(p) => `${p.row ?? '-'}:${p.column ?? '-'}:${p.message}`}
      size="small"
      columns={columns}
      dataSource={problems}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
    />
  );
}
