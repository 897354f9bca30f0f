import { AppError, isAppError } from '../../core/errors/app-error.js';
import { HIBOB_ASSUMPTIONS } from './assumptions.js';

/**
 * The Bob permission each endpoint needs, in the words an admin finds in Bob's permission groups. Service
 * users start with no permissions (§2.1); a 403 names the missing one instead of a bare status. Labels
 * from the official pages where they exist; the salary label is assumed (assumptions.ts).
 */
export const HIBOB_ENDPOINT_PERMISSIONS = {
  'hibob fields': 'People > Employees > view fields metadata',
  'hibob people.search': 'People > Employees > view employees',
  'hibob people.create': 'People > Employees > "Add new people to the company"',
  'hibob people.update': HIBOB_ASSUMPTIONS.updatePermissionLabel,
  'hibob work.create': 'People > Work > edit the Work section and its history',
  'hibob salaries.create': HIBOB_ASSUMPTIONS.salaryPermissionLabel,
  'hibob salaries.list': HIBOB_ASSUMPTIONS.salaryPermissionLabel,
  'hibob named-lists': 'Company > named lists > view',
  'hibob docs.list': 'Documents > view the employee folders',
  'hibob docs.shared': 'Documents > Shared folder > upload',
  'hibob docs.confidential': 'Documents > Confidential folder > upload',
  'hibob docs.custom': 'Documents > the custom folder > upload',
  'hibob invitations': "Features > Settings > 'Welcome' flow > Customize the welcome flow",
} as const;
export type HibobEndpoint = keyof typeof HIBOB_ENDPOINT_PERMISSIONS;

/** Rewrites an auth refusal so it says what to fix; other errors pass through unchanged. */
export function explainRefusal(endpoint: HibobEndpoint, err: unknown): unknown {
  if (!isAppError(err) || err.details?.['auth'] !== true) return err;
  const status = err.details['status'];
  const permission = HIBOB_ENDPOINT_PERMISSIONS[endpoint];
  const message =
    status === 401
      ? `${endpoint}: credentials refused (HTTP 401): check the service user ID and token`
      : `${endpoint}: this service user lacks the permission ${permission} (HTTP 403; an IP allowlist on the Bob account also answers 403)`;
  return new AppError(err.code, message, {
    details: { ...err.details, ...(status === 401 ? {} : { missing: [permission] }) },
    retryable: false,
    cause: err,
  });
}
