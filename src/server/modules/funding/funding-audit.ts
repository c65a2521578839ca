/** Audit shapes: the facts of a money movement, amounts in cents. */
export function auditCommitment(row: {
  id: string;
  line_id: string;
  project_id: string | null;
  base_operation_id: string | null;
  amount_cents: number;
  cofunding_cents: number;
  decided_on: string;
  de_minimis_override: string | null;
}) {
  return {
    id: row.id,
    lineId: row.line_id,
    projectId: row.project_id,
    baseOperationId: row.base_operation_id,
    amountCents: Number(row.amount_cents),
    cofundingCents: Number(row.cofunding_cents),
    decidedOn: row.decided_on,
    deMinimisOverride: row.de_minimis_override,
  };
}
