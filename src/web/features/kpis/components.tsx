import { eurosToCents } from '../../../shared/money';
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCents, formatNumber } from '../../app/format';
export { EChart } from '../../shared/echart';
import {
  STATUS_COLOURS,
  STATUS_SYMBOLS,
  STATUS_TEXT,
  type Cell,
  type Definition,
  type KpiStatus,
} from './api';

export function StatusBadge({ status }: { status: KpiStatus }) {
  const { t } = useTranslation('kpis');
  return (
    <Badge color={STATUS_COLOURS[status]} c={STATUS_TEXT[status]} variant="filled" radius="sm">
      {STATUS_SYMBOLS[status]} {t(`statuses.${status}`)}
    </Badge>
  );
}

/** A KPI value in its unit; "not computable" when a division by zero (or a missing operand) left no value. */
export function KpiValue({
  definition,
  cell,
}: {
  definition: Pick<Definition, 'unit'>;
  cell: Pick<Cell, 'value' | 'reason' | 'isOutlier'>;
}) {
  const { t } = useTranslation('kpis');
  if (cell.value === null) return <span>{cell.reason ? t('notComputable') : '–'}</span>;
  const text = formatValue(definition.unit, cell.value);
  return cell.isOutlier ? (
    <Tooltip label={t('outlier')}>
      <span>{text} ⚠</span>
    </Tooltip>
  ) : (
    <span>{text}</span>
  );
}

export function formatValue(unit: string, value: number | null): string {
  if (value === null) return '–';
  if (unit === 'euro') return formatCents(eurosToCents(value));
  if (unit === 'percent') return `${formatNumber(value, 1)} %`;
  return formatNumber(value, 2);
}
