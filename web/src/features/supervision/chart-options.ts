import type { BreakdownRow, Charts } from './supervision-types';

/** ECharts options of the supervision charts, built from API answers (pure, so tests can read them without a canvas). */
export type ChartOption = Record<string, unknown>;

const COLORS = ['#1d4ed8', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6'];

const base = (categories: string[]): ChartOption => ({
  color: COLORS,
  grid: { left: 48, right: 16, top: 36, bottom: 28, containLabel: false },
  tooltip: { trigger: 'axis' },
  legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
  xAxis: { type: 'category', data: categories, axisLabel: { fontSize: 10, hideOverlap: true } },
  yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
});

/** Planned vs delivered items per breakdown row (province, unit). */
export function breakdownOption(rows: BreakdownRow[], names: string[], labels: { planned: string; delivered: string }): ChartOption {
  return {
    ...base(names),
    xAxis: { type: 'category', data: names, axisLabel: { fontSize: 10, interval: 0, rotate: names.length > 8 ? 30 : 0 } },
    grid: { left: 48, right: 16, top: 36, bottom: names.length > 8 ? 64 : 28 },
    series: [
      { name: labels.planned, type: 'bar', barMaxWidth: 22, data: rows.map((row) => row.planned) },
      { name: labels.delivered, type: 'bar', barMaxWidth: 22, data: rows.map((row) => row.delivered) },
    ],
  };
}

/** Cumulative planned (due by month end) vs cumulative delivered. */
export function completionOption(charts: Charts, labels: { planned: string; delivered: string }): ChartOption {
  return {
    ...base(charts.completion.map((point) => point.month)),
    series: [
      { name: labels.planned, type: 'line', smooth: true, symbolSize: 4, data: charts.completion.map((point) => point.planned) },
      { name: labels.delivered, type: 'line', smooth: true, symbolSize: 4, areaStyle: { opacity: 0.08 }, data: charts.completion.map((point) => point.delivered) },
    ],
  };
}

export function overdueOption(charts: Charts, labels: { lines: string }): ChartOption {
  return {
    ...base(charts.overdue.map((point) => point.month)),
    color: ['#ef4444'],
    series: [{ name: labels.lines, type: 'bar', barMaxWidth: 24, data: charts.overdue.map((point) => point.lines) }],
  };
}

/** Mean and median days per review tier. */
export function turnaroundOption(charts: Charts, labels: { tiers: Record<string, string>; mean: string; median: string }): ChartOption {
  const days = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    ...base(charts.turnaround.map((row) => labels.tiers[row.tier] ?? row.tier)),
    yAxis: { type: 'value', axisLabel: { fontSize: 10 } },
    series: [
      { name: labels.mean, type: 'bar', barMaxWidth: 28, data: charts.turnaround.map((row) => days(row.meanDays)) },
      { name: labels.median, type: 'bar', barMaxWidth: 28, data: charts.turnaround.map((row) => days(row.medianDays)) },
    ],
  };
}

export function usageOption(charts: Charts, labels: { views: string; downloads: string; searchHits: string }): ChartOption {
  return {
    ...base(charts.usage.map((point) => point.month)),
    series: [
      { name: labels.views, type: 'line', smooth: true, symbolSize: 4, data: charts.usage.map((point) => point.views) },
      { name: labels.downloads, type: 'line', smooth: true, symbolSize: 4, data: charts.usage.map((point) => point.downloads) },
      { name: labels.searchHits, type: 'line', smooth: true, symbolSize: 4, data: charts.usage.map((point) => point.searchHits) },
    ],
  };
}
