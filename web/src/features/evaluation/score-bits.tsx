import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Run, ScoreRow } from './evaluation-types';
import { chinaDate, formatScore, scoreChange } from './score-format';

const UP = '#16a34a';
const DOWN = '#dc2626';

/** Change of the total since the run before: ↑ green, ↓ red, 持平 grey, — when there was no score. */
export function ScoreChange({ row }: { row: ScoreRow }) {
  const { t } = useTranslation();
  const change = scoreChange(row.total, row.previousTotal);
  const testId = `score-change-${row.key}`;
  if (change === null) {
    return (
      <Typography.Text type="secondary" data-testid={testId} title={t('evaluation.change.none')}>
        —
      </Typography.Text>
    );
  }
  if (change === 0) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('evaluation.change.same')}
      </Typography.Text>
    );
  }
  const up = change > 0;
  return (
    <span style={{ color: up ? UP : DOWN, whiteSpace: 'nowrap' }} data-testid={testId} title={t('evaluation.change.previous', { total: formatScore(row.previousTotal) })}>
      {up ? '↑' : '↓'} {Math.abs(change).toFixed(2)}
    </span>
  );
}

const WIDTH = 88;
const HEIGHT = 24;

/** The totals of the last runs as a tiny line (inline SVG: no chart library in the ranking). */
export function TrendSparkline({ row }: { row: ScoreRow }) {
  const points = row.trend.filter((point): point is { runId: string; asOf: string; total: number } => point.total !== null);
  const testId = `score-trend-${row.key}`;
  if (points.length < 2) return <Typography.Text type="secondary" data-testid={testId}>—</Typography.Text>;
  const totals = points.map((point) => point.total);
  const min = Math.min(...totals);
  const span = Math.max(...totals) - min || 1;
  const x = (index: number) => 2 + (index * (WIDTH - 4)) / (points.length - 1);
  const y = (total: number) => HEIGHT - 3 - ((total - min) * (HEIGHT - 6)) / span;
  const last = points[points.length - 1] as { total: number };
  const title = points.map((point) => `${chinaDate(point.asOf)}: ${formatScore(point.total)}`).join('\n');
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} data-testid={testId}>
      <title>{title}</title>
      <polyline fill="none" stroke="#1d4ed8" strokeWidth={1.5} strokeLinejoin="round" points={points.map((point, index) => `${x(index)},${y(point.total)}`).join(' ')} />
      <circle cx={x(points.length - 1)} cy={y(last.total)} r={2.5} fill="#1d4ed8" />
    </svg>
  );
}

const STATUS_COLOURS: Record<Run['status'], string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

export function RunStatusTag({ run }: { run: Run }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[run.status]} data-testid={`run-status-${run.id}`}>
      {t(`evaluation.runStatus.${run.status}`)}
    </Tag>
  );
}
