import { formatCents } from '../../app/format';

/** An amount in a table cell: € 1.234,56 on one line. */
export function Money({ cents }: { cents: number | null | undefined }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{formatCents(cents)}</span>;
}
