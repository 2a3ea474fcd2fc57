import type { HTMLAttributes } from 'react';
import { Flex, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { useOrgs } from '../orgs/orgs-api';
import { readsPersonRecord, readsUnitRecord } from './evaluation-access';
import { recordPaths } from './evaluation-api';
import type { Level, ScoreQuery, ScoresAnswer, ScoreRow, ScoreSort } from './evaluation-types';
import { ScoreChange, TrendSparkline } from './score-bits';
import { formatScore } from './score-format';
import { scoreQueryParams } from './score-query';
import { nextPage, serverPagination } from '../../components/server-pagination';

/** The filter that narrows the subject ranking to one roll-up row (PIs have none). */
const DRILL_FILTER: Partial<Record<Level, keyof ScoreQuery>> = { unit: 'unitId', province: 'province', platform: 'platformId', program: 'programCode' };

const sortOrder = (query: ScoreQuery, key: ScoreSort) => (query.sort === key ? (query.order === 'asc' ? 'ascend' : 'descend') : null);

interface RankingTableProps {
  query: ScoreQuery;
  answer: ScoresAnswer | undefined;
  loading: boolean;
  error: Error | null;
  onQuery: (patch: Partial<ScoreQuery>) => void;
}

/** One level's ranking: rank, name, scores with two decimals, change since the run before, trend and (PIs, units) the record. */
export function RankingTable({ query, answer, loading, error, onQuery }: RankingTableProps) {
  const { t } = useTranslation();
  const me = useSession();
  const level = query.level;
  const orgs = useOrgs();
  const creditCode = (unitId: string) => orgs.data?.find((org) => org.id === unitId)?.creditCode ?? null;
  const runParam = query.run ? `?run=${query.run}` : '';

  const recordLink = (row: ScoreRow) => {
    const code = level === 'unit' ? creditCode(row.key) : null;
    const href =
      level === 'pi' && readsPersonRecord(me, row.key) ? recordPaths.person(row.key) : code && readsUnitRecord(me, row.key) ? recordPaths.unit(code) : null;
    if (!href) return null;
    return (
      <a href={href} target="_blank" rel="noreferrer" data-testid={`record-pdf-${row.key}`}>
        <FilePdfOutlined /> {t('evaluation.ranking.record')}
      </a>
    );
  };

  const nameCell = (row: ScoreRow) => {
    const name = row.name ?? row.key;
    if (level === 'subject') {
      return (
        <Flex vertical gap={2}>
          <Link to={`/evaluation/subjects/${encodeURIComponent(row.key)}${runParam}`} data-testid={`score-link-${row.key}`}>
            {name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {row.key}
          </Typography.Text>
        </Flex>
      );
    }
    const filter = DRILL_FILTER[level];
    if (!filter) return name;
    const params = scoreQueryParams({ ...query, level: 'subject', page: 1, [filter]: row.key });
    return (
      <Link to={`/evaluation?${params.toString()}`} title={t('evaluation.ranking.drill')}>
        {name}
      </Link>
    );
  };

  const columns: TableColumnsType<ScoreRow> = [
    { title: t('evaluation.ranking.rank'), dataIndex: 'rank', width: 72, align: 'center', render: (rank: number | null) => <strong>{rank ?? '—'}</strong> },
    { title: t(`evaluation.ranking.name.${level}`), key: 'name', render: (_, row) => nameCell(row) },
    ...(level === 'subject' ? [] : [{ title: t('evaluation.ranking.subjects'), dataIndex: 'subjects', width: 88, align: 'right' as const }]),
    { title: t('evaluation.score.completion'), key: 'completion', width: 100, align: 'right', sorter: true, sortOrder: sortOrder(query, 'completion'), render: (_, row) => formatScore(row.completion) },
    { title: t('evaluation.score.sharing'), key: 'sharing', width: 100, align: 'right', sorter: true, sortOrder: sortOrder(query, 'sharing'), render: (_, row) => formatScore(row.sharing) },
    {
      title: t('evaluation.score.total'),
      key: 'total',
      width: 100,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder(query, 'total'),
      render: (_, row) => (
        <strong data-testid={`score-total-${row.key}`}>{formatScore(row.total)}</strong>
      ),
    },
    { title: t('evaluation.ranking.change'), key: 'change', width: 96, align: 'right', render: (_, row) => <ScoreChange row={row} /> },
    { title: t('evaluation.ranking.trend'), key: 'trend', width: 110, render: (_, row) => <TrendSparkline row={row} /> },
    ...(level === 'pi' || level === 'unit' ? [{ title: t('evaluation.ranking.recordColumn'), key: 'record', width: 96, render: (_: unknown, row: ScoreRow) => recordLink(row) }] : []),
  ];

  const onChange: TableProps<ScoreRow>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.columnKey as ScoreSort | undefined;
      onQuery(one?.order && key ? { sort: key, order: one.order === 'ascend' ? 'asc' : 'desc', page: 1 } : { sort: 'rank', order: 'asc', page: 1 });
      return;
    }
    onQuery(nextPage(query, pagination.current ?? 1, pagination.pageSize ?? query.pageSize));
  };

  return (
    <Table<ScoreRow>
      rowKey="key"
      size="middle"
      data-testid="score-table"
      columns={columns}
      dataSource={answer?.items ?? []}
      loading={loading}
      onChange={onChange}
      onRow={(row) => ({ 'data-testid': `score-row-${row.key}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: error ? error.message : t('evaluation.ranking.empty') }}
      pagination={serverPagination(query, answer?.total, (total) => t('evaluation.ranking.count', { count: total }))}
    />
  );
}
