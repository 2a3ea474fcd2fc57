import { App, Button, Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format';
import { useStartRun } from './evaluation-api';
import type { Run } from './evaluation-types';
import { RunStatusTag } from './score-bits';
import { chinaDate } from './score-format';

/** The runs, newest first, with the ministry's buttons to compute now (「立即重新计算」) or a run again. */
export function RunsTable({ runs, loading }: { runs: Run[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const start = useStartRun();
  const queue = (recomputeOf?: string) =>
    start.mutate(recomputeOf, {
      onSuccess: () => void message.success(t('evaluation.runs.queued')),
      onError: (error) => void message.error(error.message),
    });

  const columns: TableColumnsType<Run> = [
    { title: t('evaluation.runs.status'), key: 'status', width: 100, render: (_, run) => <RunStatusTag run={run} /> },
    { title: t('evaluation.runs.trigger'), dataIndex: 'trigger', width: 110, render: (trigger: Run['trigger']) => t(`evaluation.trigger.${trigger}`) },
    { title: t('evaluation.runs.rules'), dataIndex: 'ruleVersion', width: 110, render: (version: number) => t('evaluation.run.version', { version }) },
    { title: t('evaluation.runs.asOf'), dataIndex: 'asOf', width: 120, render: (asOf: string) => chinaDate(asOf) },
    { title: t('evaluation.runs.subjects'), dataIndex: 'subjects', width: 90, align: 'right' },
    { title: t('evaluation.runs.requestedBy'), dataIndex: 'requestedByName', width: 110, render: (name: string | null) => name ?? t('evaluation.runs.bySchedule') },
    {
      title: t('evaluation.runs.finishedAt'),
      key: 'finished',
      width: 180,
      render: (_, run) =>
        run.error ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: run.error }}>
            {run.error}
          </Typography.Text>
        ) : (
          formatDateTime(run.finishedAt, i18n.language)
        ),
    },
    {
      title: '',
      key: 'actions',
      width: 150,
      render: (_, run) =>
        run.status === 'done' || run.status === 'failed' ? (
          <>
            {run.status === 'done' && <Link to={`/evaluation?run=${run.id}`}>{t('evaluation.runs.view')}</Link>}
            <Button type="link" size="small" onClick={() => queue(run.id)} disabled={start.isPending} data-testid={`run-recompute-${run.id}`}>
              {t('evaluation.runs.recompute')}
            </Button>
          </>
        ) : null,
    },
  ];

  return (
    <Card
      size="small"
      title={t('evaluation.runs.title')}
      extra={
        <Button type="primary" onClick={() => queue()} loading={start.isPending} data-testid="runs-start">
          {t('evaluation.runs.start')}
        </Button>
      }
    >
      <Table<Run> rowKey="id" size="small" columns={columns} dataSource={runs} loading={loading} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="runs-table" />
    </Card>
  );
}
