import { AppError, detail, type ErrorDetail } from '../errors/app-error';

/** The fields of a PostgreSQL error (pg and PGlite alike) that the mapping reads. */
interface DatabaseErrorLike {
  code: string;
  detail?: string;
  column?: string;
  constraint?: string;
}

function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in error;
}

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** Columns named in a key detail: `Key (a, b)=(…) already exists.` → ['a', 'b']. */
function keyColumns(text: string | undefined): string[] {
  const match = /^Key \(([^)]*)\)=/.exec(text ?? '');
  return match ? match[1].split(',').map((column) => column.trim().replace(/^"|"$/g, '')) : [];
}

function fieldDetails(columns: string[], code: string, nl: string, en: string): ErrorDetail[] {
  return columns.map((column) => detail(`body.${camelCase(column)}`, code, nl, en));
}

/**
 * Constraint violations and data errors that slip past the schemas and the steps' checks
 * (two requests racing, an id that points nowhere) become catalogue errors here, in one place:
 * 409 for a lost race or a duplicate, 400 for input the database refuses, never a 500.
 */
export function fromDatabaseError(error: unknown): AppError | null {
  if (!isDatabaseError(error)) return null;
  const { code } = error;
  if (code === '23505' || code === '23P01') {
    return new AppError('ALREADY_EXISTS', {
      details: fieldDetails(
        keyColumns(error.detail),
        'duplicate',
        'Deze waarde bestaat al.',
        'This value exists already.',
      ),
    });
  }
  if (code === '23503') {
    if ((error.detail ?? '').includes('is still referenced')) return new AppError('STILL_REFERENCED');
    return new AppError('REFERENCE_NOT_FOUND', {
      details: fieldDetails(
        keyColumns(error.detail),
        'reference_not_found',
        'Dit verwijst naar iets dat niet bestaat.',
        'This refers to something that does not exist.',
      ),
    });
  }
  if (code === '23502' || code === '23514') {
    const columns = error.column ? [error.column] : [];
    return new AppError('VALIDATION_FAILED', {
      details:
        columns.length > 0
          ? fieldDetails(
              columns,
              'constraint',
              'Deze waarde is niet toegelaten.',
              'This value is not allowed.',
            )
          : [detail('body', 'constraint', 'De invoer breekt een regel.', 'The input breaks a rule.')],
    });
  }
  if (code.startsWith('22')) {
    return new AppError('VALIDATION_FAILED', {
      details: [
        detail(
          'body',
          'invalid_value',
          'Een waarde is ongeldig of buiten bereik.',
          'A value is invalid or out of range.',
        ),
      ],
    });
  }
  if (code === '40001' || code === '40P01' || code === '55P03') return new AppError('CONCURRENT_UPDATE');
  return null;
}

/** True for a unique or exclusion violation: another request created the same thing first. */
export function isUniqueViolation(error: unknown): boolean {
  return isDatabaseError(error) && (error.code === '23505' || error.code === '23P01');
}
