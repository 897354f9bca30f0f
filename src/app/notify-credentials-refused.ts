import type { Destination } from '../core/model/destination.js';
import type { Logger } from '../core/ports/logger.js';
import type { Mailer } from '../core/ports/notification-channels.js';
import type { UserStore } from '../core/ports/user-store.js';

export interface CredentialsRefusedDeps {
  readonly users: UserStore;
  readonly mailer: Mailer | undefined;
  readonly logger: Logger;
  readonly publicUrl: string;
}

/**
 * Tells the admins that a destination refused HireBridge's credentials and its pushes are paused: a
 * warning in the log, and an email to each admin when SMTP is configured. A failed email is logged, not
 * thrown: the pause itself is already recorded and shows on the Destinations page.
 */
export async function notifyCredentialsRefused(
  deps: CredentialsRefusedDeps,
  destination: Destination,
  message: string,
): Promise<void> {
  const { logger, mailer } = deps;
  const ref = { destinationId: destination.id, type: destination.type };
  logger.warn(ref, 'destination refused its credentials; pushes paused');
  if (!mailer) return;
  const text = [
    `The destination "${destination.name}" (${destination.type}) refused HireBridge's credentials, so pushes to it are paused.`,
    `It said: ${message}`,
    `Fix the credentials on the Destinations page (${deps.publicUrl}/destinations) or test it again; paused pushes then resume.`,
  ].join('\n\n');
  const admins = (await deps.users.list()).filter((u) => u.role === 'admin');
  for (const admin of admins) {
    try {
      await mailer.send({
        to: admin.email,
        subject: 'HireBridge: a destination refused its credentials',
        text,
      });
    } catch (err) {
      logger.warn(
        { ...ref, err: (err as Error).name },
        'could not email an admin about a paused destination',
      );
    }
  }
}
