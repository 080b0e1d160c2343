/**
 * The one place where failures become HTTP answers. Every error body has the
 * same shape: { error: { code, message, fields? } }. Details of server faults
 * are logged, never sent.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { AppError, type FieldProblem } from '../core/errors.ts';
import { describeValidationErrors } from './validation.ts';

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldProblem[] };
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, fields?: FieldProblem[]) {
  const body: ErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own client-error codes, with the status and stable code we answer them with. */
const FASTIFY_CLIENT_ERRORS: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_CONTENT_LENGTH'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'EMPTY_BODY'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'MALFORMED_JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'INVALID_CONTENT_TYPE'],
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      reply.headers(error.headers);
      return sendError(reply, error.status, error.code, error.message, error.fields);
    }
    if (error.validation) {
      const fields = describeValidationErrors(error.validation);
      const where = error.validationContext ?? 'request';
      const status = where === 'params' ? 400 : 422;
      const code = where === 'params' ? 'INVALID_PARAMETER' : 'VALIDATION_FAILED';
      const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
      return sendError(reply, status, code, `Invalid ${where}: ${summary}`, fields);
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return sendError(reply, known[0], known[1], error.message);
    if (error instanceof SyntaxError) return sendError(reply, 400, 'MALFORMED_JSON', 'Body is not valid JSON');
    const status = error.statusCode ?? 500;
    if (status === 429) return sendError(reply, 429, 'RATE_LIMITED', error.message);
    if (status >= 400 && status < 500) return sendError(reply, status, error.code ?? 'BAD_REQUEST', error.message);
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, 'INTERNAL', 'Something went wrong on our side');
  });
}
