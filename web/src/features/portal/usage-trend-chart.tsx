import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ResourceUsageAnswer } from './portal-types';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Views and downloads per month (a separate chunk: ECharts loads only where a trend is shown). */
export function UsageTrendChart({ months, labels }: { months: ResourceUsageAnswer['months']; labels: { views: string; downloads: string } }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption({
      color: ['#1d4ed8', '#10b981'],
      grid: { left: 36, right: 12, top: 28, bottom: 24 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: months.map((m) => m.month), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
      series: [
        { name: labels.views, type: 'line', smooth: true, symbolSize: 4, data: months.map((m) => m.views) },
        { name: labels.downloads, type: 'line', smooth: true, symbolSize: 4, data: months.map((m) => m.downloads) },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [months, labels.views, labels.downloads]);
  return <div ref={element} style={{ width: '100%', height: 160 }} data-testid="usage-trend" />;
}
