import type { ErrorCode } from './error-code.js';

export type ErrorDetails = Readonly<Record<string, unknown>>;

/**
 * An expected failure with a code from the closed set. Messages must never contain personal data or
 * secrets: they reach logs, job `last_error` columns and API clients.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  /** Whether retrying the same operation later may succeed (drives the job queue). */
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetails; retryable?: boolean; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryable = options.retryable ?? defaultRetryable(code);
    this.retryAfterMs = options.retryAfterMs;
  }
}

function defaultRetryable(code: ErrorCode): boolean {
  return (
    code === 'unavailable' || code === 'upstream_retryable' || code === 'rate_limited' || code === 'internal'
  );
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
