import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { HumaansScope } from './schemas.js';

/**
 * The scope each endpoint needs (official scope list, §3.1: compensations and documents are not covered by
 * `private:*`). A 403 is reported as "this token lacks <scope>", so the admin knows which box to tick.
 */
export const HUMAANS_ENDPOINT_SCOPES = {
  'humaans me': 'public:read',
  'humaans people.list': 'public:read',
  'humaans people.create': 'private:write',
  'humaans people.update': 'private:write',
  'humaans job-roles.list': 'public:read',
  'humaans job-roles.create': 'private:write',
  'humaans locations.list': 'public:read',
  'humaans compensation-types.list': 'compensations:read',
  'humaans compensations.list': 'compensations:read',
  'humaans compensations.create': 'compensations:write',
  'humaans document-types.list': 'documents:read',
  'humaans documents.list': 'documents:read',
  'humaans documents.create': 'documents:write',
  'humaans custom-values.create': 'private:write',
} as const satisfies Record<string, HumaansScope>;
export type HumaansEndpoint = keyof typeof HUMAANS_ENDPOINT_SCOPES;

export function explainRefusal(endpoint: HumaansEndpoint, err: unknown): unknown {
  if (!isAppError(err) || err.details?.['auth'] !== true) return err;
  const status = err.details['status'];
  const scope = HUMAANS_ENDPOINT_SCOPES[endpoint];
  const message =
    status === 401
      ? `${endpoint}: token refused (HTTP 401): check the API token`
      : `${endpoint}: this token lacks ${scope}`;
  return new AppError(err.code, message, {
    details: { ...err.details, ...(status === 401 ? {} : { missing: [scope] }) },
    retryable: false,
    cause: err,
  });
}
