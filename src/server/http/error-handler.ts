import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, toErrorBody } from '../errors/app-error';
import { detailsFromIssues } from '../errors/zod-details';
import { fromDatabaseError } from './database-errors';

/**
 * Maps framework errors onto the catalogue; anything unexpected becomes INTERNAL_ERROR, logged, never a
 * stack trace.
 */
function toAppError(error: FastifyError | Error, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const prefix = (error as FastifyError).validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      ...v.params,
      code: v.keyword,
      path: v.instancePath.split('/').filter(Boolean),
      message: v.message ?? 'Invalid',
    }));
    return new AppError('VALIDATION_FAILED', { details: detailsFromIssues(issues, prefix) });
  }
  const code = (error as FastifyError).code;
  if (
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error instanceof SyntaxError
  ) {
    return new AppError('INVALID_JSON');
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError('BODY_TOO_LARGE');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE');
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    request.log.info({ err: error }, 'request rejected by the framework');
    return new AppError('BAD_REQUEST');
  }
  const databaseError = fromDatabaseError(error);
  if (databaseError) {
    request.log.warn({ err: error, code: databaseError.code }, 'database refused the change');
    return databaseError;
  }
  if ((error as { code?: string }).code === 'ECONNREFUSED') return new AppError('DATABASE_UNAVAILABLE');
  request.log.error({ err: error }, 'unexpected error');
  return new AppError('INTERNAL_ERROR');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request);
    if (appError.status >= 500) reply.header('cache-control', 'no-store');
    const retryAfter = appError.context?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.status(appError.status).send(toErrorBody(appError, request.id));
  });
}
