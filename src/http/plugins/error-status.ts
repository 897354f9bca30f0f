import type { ErrorCode } from '../../core/errors/error-code.js';

/** The one mapping from error codes to HTTP statuses. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  permission_missing: 422,
  required_fields_missing: 422,
  invalid_fields: 422,
  destination_refused: 422,
  rate_limited: 429,
  internal: 500,
  upstream_permanent: 502,
  upstream_retryable: 503,
  unavailable: 503,
};

/**
 * Validation failures about what a well-formed request asks for rather than its shape answer 422: a
 * connector's credentials checked against its schema, an admin-typed URL refused by the outbound policy.
 */
const UNPROCESSABLE_REASONS: ReadonlySet<unknown> = new Set(['credentials_invalid', 'outbound_refused']);

export function statusFor(code: ErrorCode, details: Readonly<Record<string, unknown>> | undefined): number {
  if (code === 'validation_failed' && UNPROCESSABLE_REASONS.has(details?.['reason'])) return 422;
  return ERROR_STATUS[code];
}
