import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { SubjectScoreAnswer } from './evaluation-types';
import { chinaDate, formatScore } from './score-format';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface HistoryLabels {
  total: string;
  completion: string;
  sharing: string;
  version: (version: number) => string;
}

interface AxisPoint {
  dataIndex: number;
  marker: string;
  seriesName: string;
  value: number | null;
}

/** Total, completion and sharing per run, the rule version of each run in the tooltip (its own chunk). */
export function HistoryChart({ history, labels }: { history: SubjectScoreAnswer['history']; labels: HistoryLabels }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    // SVG: a dozen points draw crisply, and the page's tests (jsdom, no canvas) can look at the chart.
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      color: ['#1d4ed8', '#10b981', '#f59e0b'],
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: AxisPoint[]) => {
          const first = params[0];
          const run = first ? history[first.dataIndex] : undefined;
          if (!run) return '';
          const head = `${chinaDate(run.asOf)} · ${labels.version(run.ruleVersion)}`;
          return [head, ...params.map((p) => `${p.marker}${p.seriesName} ${formatScore(p.value)}`)].join('<br/>');
        },
      },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: history.map((run) => chinaDate(run.asOf)), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { fontSize: 10 } },
      series: [
        { name: labels.total, type: 'line', symbolSize: 5, data: history.map((run) => run.total) },
        { name: labels.completion, type: 'line', symbolSize: 4, lineStyle: { width: 1.5 }, data: history.map((run) => run.completion) },
        { name: labels.sharing, type: 'line', symbolSize: 4, lineStyle: { width: 1.5 }, data: history.map((run) => run.sharing) },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [history, labels]);
  return <div ref={element} style={{ width: '100%', height: 240 }} />;
}
