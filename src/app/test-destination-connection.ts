import { AppError, isAppError } from '../core/errors/app-error.js';
import type { DestinationType } from '../core/ports/destination-types.js';

/** Whether an error means the system refused the credentials (401/403), as the connector kit marks it. */
export function isAuthRefusal(err: unknown): boolean {
  if (!isAppError(err)) return false;
  const status = err.details?.['status'];
  return err.details?.['auth'] === true || status === 401 || status === 403;
}

/**
 * One cheap call with the given credentials. A refusal becomes 422 `destination_refused` with the
 * system's status and message; `authMayFail` skips auth refusals (a webhook secret HireBridge just made
 * cannot be known to the receiver yet, so only reachability is checked then).
 */
export async function testDestinationConnection(
  type: DestinationType,
  destination: { id: string; baseUrl: string | null; credentials: Readonly<Record<string, unknown>> },
  options: { authMayFail?: boolean } = {},
): Promise<void> {
  try {
    await type.client(destination).testConnection(AbortSignal.timeout(20_000));
  } catch (err) {
    if (options.authMayFail && isAuthRefusal(err)) return;
    if (!isAppError(err)) throw err;
    if (err.code === 'validation_failed') throw err;
    const status = typeof err.details?.['status'] === 'number' ? err.details['status'] : null;
    throw new AppError('destination_refused', `${type.label} refused the connection test: ${err.message}`, {
      details: { status, message: err.message, credentialsRefused: isAuthRefusal(err) },
    });
  }
}
