import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, detail, type ErrorDetail } from '../errors/app-error';

/** A NUL byte, or a UTF-16 surrogate that is not part of a pair. */
const UNSAFE_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text holds a character no column and no audit row can store. */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE_CHARACTER.test(text);
}

function unsafeTextDetail(path: string): ErrorDetail {
  return detail(
    path,
    'invalid_characters',
    'Dit veld bevat een niet-toegelaten teken (een nulteken of een onvolledig Unicode-teken).',
    'This field holds a character that is not allowed (a NUL or an incomplete Unicode character).',
  );
}

/** Every string (and object key) in a parsed request part that holds an unsafe character, by path. */
export function findUnsafeText(
  value: unknown,
  path: string,
  found: ErrorDetail[] = [],
  depth = 0,
): ErrorDetail[] {
  if (found.length >= 20 || depth > 32) return found;
  if (typeof value === 'string') {
    if (hasUnsafeCharacter(value)) found.push(unsafeTextDetail(path));
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findUnsafeText(item, `${path}.${index}`, found, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = `${path}.${key}`;
      if (hasUnsafeCharacter(key)) found.push(unsafeTextDetail(itemPath));
      else findUnsafeText(item, itemPath, found, depth + 1);
    }
  }
  return found;
}

/**
 * The one input boundary for text: before any schema or step sees a request, its body, query
 * and path parameters are checked for NUL bytes and unpaired surrogates (PostgreSQL refuses the
 * first, the audit row's JSON the second). A refusal names each field; nothing is written.
 */
export function registerInputBoundary(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const details = [
      ...findUnsafeText(request.params, 'params'),
      ...findUnsafeText(request.query, 'querystring'),
      ...findUnsafeText(request.body, 'body'),
    ];
    if (details.length > 0) throw new AppError('VALIDATION_FAILED', { details });
  });
}
