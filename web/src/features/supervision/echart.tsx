import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './chart-options';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface EChartProps {
  option: ChartOption;
  height?: number;
  /** Called with the category index of a clicked bar or point. */
  onPick?: (index: number) => void;
  'data-testid'?: string;
}

/** One ECharts chart (its own chunk: ECharts loads only where supervision charts are shown). */
export function EChart({ option, height = 240, onPick, ...rest }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onPick) return undefined;
    const handler = (params: { dataIndex?: number }) => {
      if (typeof params.dataIndex === 'number') onPick(params.dataIndex);
    };
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onPick]);

  return <div ref={element} style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }} data-testid={rest['data-testid']} />;
}
