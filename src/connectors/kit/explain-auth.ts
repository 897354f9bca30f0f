import { AppError, isAppError } from '../../core/errors/app-error.js';

/**
 * Rewords the kit's auth error (401/403) with the system's own likely reasons, keeping the code and the
 * classification; any other error passes through untouched.
 */
export function explainAuth(err: unknown, endpoint: string, reasonFor: (status: number) => string): unknown {
  if (!isAppError(err) || err.details?.['auth'] !== true) return err;
  const status = Number(err.details['status']);
  return new AppError(err.code, `${endpoint}: ${reasonFor(status)} (HTTP ${String(status)})`, {
    details: err.details,
    cause: err,
  });
}
