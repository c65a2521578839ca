import { Badge, Tooltip } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { formatCents, formatNumber } from '../../app/format';
import { STATUS_COLOURS, type Cell, type Definition, type KpiStatus } from './api';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/** One ECharts chart (SVG), resized with its container; `label` names it for screen readers. */
export function EChart({ option, height = 200, label }: { option: echarts.EChartsCoreOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

export function StatusBadge({ status }: { status: KpiStatus }) {
  const { t } = useTranslation('kpis');
  const dark = status === 'no_data' || status === 'no_target';
  return <Badge color={STATUS_COLOURS[status]} c={dark ? 'dark' : 'white'} variant="filled" radius="sm">{t(`statuses.${status}`)}</Badge>;
}

/** A KPI value in its unit; "not computable" when a division by zero (or a missing operand) left no value. */
export function KpiValue({ definition, cell }: { definition: Pick<Definition, 'unit'>; cell: Pick<Cell, 'value' | 'reason' | 'isOutlier'> }) {
  const { t } = useTranslation('kpis');
  if (cell.value === null) return <span>{cell.reason ? t('notComputable') : '–'}</span>;
  const text = formatValue(definition.unit, cell.value);
  return cell.isOutlier ? <Tooltip label={t('outlier')}><span>{text} ⚠</span></Tooltip> : <span>{text}</span>;
}

export function formatValue(unit: string, value: number | null): string {
  if (value === null) return '–';
  if (unit === 'euro') return formatCents(Math.round(value * 100));
  if (unit === 'percent') return `${formatNumber(value, 1)} %`;
  return formatNumber(value, 2);
}
