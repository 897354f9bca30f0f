import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { ErrorCode } from '../../core/errors/error-code.js';
import type { ErrorResponse } from '../../contract/errors.js';
import { statusFor } from './error-status.js';

/** Fastify's own request errors whose message we know how to put in the user's words. */
const FASTIFY_CODES: Partial<Record<string, [ErrorCode, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Send the body as application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['validation_failed', 'Content-Length does not match the body'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['validation_failed', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['validation_failed', 'The body is not valid JSON'],
  FST_ERR_BAD_URL: ['validation_failed', 'The address is not a valid URL (bad percent-encoding)'],
};

/** Any other client error (4xx) from Fastify or a plugin (e.g. @fastify/static refusing `..`), by status. */
const BY_STATUS: Partial<Record<number, [ErrorCode, string]>> = {
  401: ['unauthorized', 'Sign in first'],
  403: ['forbidden', 'That path is not allowed'],
  404: ['not_found', 'Not found'],
  409: ['conflict', 'The request conflicts with the current state'],
  413: ['payload_too_large', 'The request is too large'],
  415: ['unsupported_media_type', 'Unsupported content type'],
  429: ['rate_limited', 'Too many requests; try again later'],
};

/**
 * Fastify's and its plugins' request errors, translated into our closed codes; undefined for anything
 * that is not a client error (a bug). Their own messages are not passed on: they may echo the request.
 */
export function fromFramework(err: FastifyError): AppError | undefined {
  const known = FASTIFY_CODES[err.code];
  if (known) return new AppError(known[0], known[1]);
  if (err instanceof SyntaxError) return new AppError('validation_failed', 'The body is not valid JSON');
  const status = err.statusCode ?? (err as { status?: unknown }).status;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  const [code, message] = BY_STATUS[status] ?? ['validation_failed', 'The request is malformed'];
  return new AppError(code, message);
}

/** Answers a request no route took, or returns undefined to let the JSON 404 answer it. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

export function registerErrorHandling(
  app: FastifyInstance,
  notFoundFallback?: () => NotFoundFallback | undefined,
): void {
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    const framework = isAppError(raw) ? undefined : fromFramework(raw);
    // A client's mistake caught by the framework: worth a line at info (no stack), not an alarm.
    if (framework) request.log.info({ code: framework.code, status: raw.statusCode }, 'client error');
    const err = isAppError(raw) ? raw : framework;
    if (!err) {
      // A bug: log it with the request id only, answer without internals.
      request.log.error(
        { err: { type: raw.name, message: raw.message, stack: raw.stack } },
        'unhandled error',
      );
      const body: ErrorResponse = {
        error: { code: 'internal', message: 'Internal error; see the server log' },
      };
      return reply.status(500).send(body);
    }
    const status = statusFor(err.code, err.details);
    if (status >= 500) request.log.warn({ code: err.code, message: err.message }, 'request failed');
    if (err.retryAfterMs !== undefined) reply.header('retry-after', Math.ceil(err.retryAfterMs / 1000));
    const body: ErrorResponse = {
      error: {
        code: err.code,
        message: err.message,
        ...(err.details ? { details: { ...err.details } } : {}),
      },
    };
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const answered = notFoundFallback?.()?.(request, reply);
    if (answered) return answered;
    const body: ErrorResponse = {
      error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` },
    };
    return reply.status(404).send(body);
  });
}
