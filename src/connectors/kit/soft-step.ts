import { isAppError } from '../../core/errors/app-error.js';

/**
 * Runs an optional step of a push (a document, an invite, a custom field). A refusal about this one item
 * (a 4xx other than auth) becomes a warning on the push, so the person still arrives. Auth refusals, rate
 * limits and outages still throw: they need the admin or a retry.
 */
export async function softStep(
  warnings: string[],
  what: string,
  system: string,
  step: () => Promise<void>,
): Promise<void> {
  try {
    await step();
  } catch (err) {
    if (!isAppError(err) || err.retryable || err.details?.['auth'] === true) throw err;
    const status = err.details?.['status'];
    warnings.push(`${what}: ${system} refused it${typeof status === 'number' ? ` (HTTP ${status})` : ''}`);
  }
}
