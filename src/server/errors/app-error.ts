import { errorCatalogue, type ErrorCode } from './catalogue';

export interface LocalisedText {
  nl: string;
  en: string;
}

/** One problem with one field or row: where (`path`) and what, in both languages. */
export interface ErrorDetail {
  path: string;
  code: string;
  message: LocalisedText;
}

/** The only error a step or route throws on purpose; its code comes from the catalogue. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];
  readonly context: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: { details?: ErrorDetail[]; context?: Record<string, unknown> } = {}) {
    super(errorCatalogue[code].en);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = options.details ?? [];
    this.context = options.context;
  }
}

export function detail(path: string, code: string, nl: string, en: string): ErrorDetail {
  return { path, code, message: { nl, en } };
}

export interface ErrorBody {
  code: ErrorCode;
  message: LocalisedText;
  details: ErrorDetail[];
  context?: Record<string, unknown>;
  requestId: string;
}

export function toErrorBody(error: AppError, requestId: string): ErrorBody {
  const spec = errorCatalogue[error.code];
  return {
    code: error.code,
    message: { nl: spec.nl, en: spec.en },
    details: error.details,
    ...(error.context ? { context: error.context } : {}),
    requestId,
  };
}
