/**
 * The closed set of error codes HireBridge speaks. Every failure a caller can see carries one of these;
 * the HTTP edge maps them to statuses (src/http/plugins/error-status.ts) and nothing else invents codes.
 */
export const ERROR_CODES = {
  /** Input failed validation; `details` names every offending field. */
  validation_failed: 'validation_failed',
  /** No credentials, or credentials that match nothing. */
  unauthorized: 'unauthorized',
  /** Authenticated, but the role does not allow the action. */
  forbidden: 'forbidden',
  /**
   * A cookie-authenticated state-changing request without the session's X-CSRF-Token, or from a foreign
   * Origin: a page may fetch GET /api/v1/auth/session for the token and try again.
   */
  csrf_rejected: 'csrf_rejected',
  not_found: 'not_found',
  /** The request conflicts with existing state (duplicate, wrong state for the action). */
  conflict: 'conflict',
  payload_too_large: 'payload_too_large',
  unsupported_media_type: 'unsupported_media_type',
  /** A webhook signature was missing or did not match. */
  invalid_signature: 'invalid_signature',
  /** Too many requests; `retryAfterSeconds` may be set. */
  rate_limited: 'rate_limited',
  /** A dependency (database, upstream API) is temporarily unavailable. */
  unavailable: 'unavailable',
  /** An upstream system refused or failed in a way that will not fix itself (bad key, 4xx). */
  upstream_permanent: 'upstream_permanent',
  /** An upstream system failed in a way a retry may fix (5xx, timeout, network, 429). */
  upstream_retryable: 'upstream_retryable',
  /** A required Ashby API-key permission is missing; `details.missing` names them. */
  permission_missing: 'permission_missing',
  /** Field values that do not fit their field (a bad date, email, currency, amount); `details.problems` names each. */
  invalid_fields: 'invalid_fields',
  /** Add member refused: `details.fields` names every required field still empty. */
  required_fields_missing: 'required_fields_missing',
  /** A destination refused the credentials or could not be reached when tested; `details` has its status and message. */
  destination_refused: 'destination_refused',
  /** A bug: never shown with its message to API clients. */
  internal: 'internal',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
