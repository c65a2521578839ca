import { brusselsToday } from '../../../shared/brussels-time';
import { formatCents, formatNumber } from '../../app/format';

/** Multi-line text areas: one item per non-empty line. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Today's date in Brussels, 'YYYY-MM-DD'. */
export function todayInBrussels(): string {
  return brusselsToday();
}

/** Values computed on the server arrive as text: "€ 1234.56" (exact cents) or "value / expected"; shown in nl-BE. */
export function formatSnapshotValue(value: string): string {
  const euro = /^€ (-?)(\d+)\.(\d{2})$/.exec(value);
  if (euro) return formatCents(`${euro[1]}${euro[2]}${euro[3]}`);
  return value
    .split(' / ')
    .map((part) => (/^-?\d+(\.\d+)?$/.test(part) ? formatNumber(part) : part))
    .join(' / ');
}
