import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, GraphChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, MarkLineComponent, SVGRenderer, CanvasRenderer]);

/**
 * One ECharts chart, resized with its container; `label` names it for screen readers. SVG by
 * default; the network graph uses canvas (thousands of nodes).
 */
export function EChart({ option, height = 320, label, renderer = 'svg', testId }: { option: echarts.EChartsCoreOption; height?: number; label: string; renderer?: 'svg' | 'canvas'; testId?: string }) {
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
  return <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
