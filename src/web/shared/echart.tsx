import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// The chart types the app draws; registering them once keeps the bundle to what is used.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  HeatmapChart,
  GraphChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  TitleComponent,
  VisualMapComponent,
  MarkLineComponent,
  SVGRenderer,
  CanvasRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;

/**
 * One ECharts chart, resized with its container; `label` names it for screen readers. SVG by
 * default; large graphs (thousands of nodes) draw faster on canvas.
 */
export function EChart({
  option,
  height = 320,
  label,
  renderer = 'svg',
  testId,
}: {
  option: EChartOption;
  height?: number;
  label: string;
  renderer?: 'svg' | 'canvas';
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option, renderer]);
  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
  );
}
