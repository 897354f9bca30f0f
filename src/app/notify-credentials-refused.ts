import type { Destination } from '../core/model/destination.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { Logger } from '../core/ports/logger.js';
import type { Mailer } from '../core/ports/notification-channels.js';
import type { NotificationStore } from '../core/ports/notification-store.js';
import type { UserStore } from '../core/ports/user-store.js';

export interface CredentialsRefusedDeps {
  readonly users: UserStore;
  readonly notifications: Pick<NotificationStore, 'insertDestinationNotice'>;
  readonly mailer: Mailer | undefined;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly publicUrl: string;
}

/**
 * Tells the admins that a destination refused HireBridge's credentials and its pushes are paused: a
 * warning in the log, an in-app notice for each admin (linked to the Destinations page; one unread per
 * admin and destination, refreshed by a repeated refusal), and an email to each when SMTP is configured.
 * A failed notice or email is logged, not thrown: the pause itself is already recorded and shows on the
 * Destinations page.
 */
export async function notifyCredentialsRefused(
  deps: CredentialsRefusedDeps,
  destination: Destination,
  message: string,
): Promise<void> {
  const { logger, mailer } = deps;
  const ref = { destinationId: destination.id, type: destination.type };
  logger.warn(ref, 'destination refused its credentials; pushes paused');
  const admins = (await deps.users.list()).filter((u) => u.role === 'admin');
  const at = deps.clock.now();
  for (const admin of admins) {
    try {
      await deps.notifications.insertDestinationNotice({
        id: deps.ids.newId(),
        userId: admin.id,
        destinationId: destination.id,
        detail: message,
        createdAt: at,
        readAt: null,
      });
    } catch (err) {
      logger.warn(
        { ...ref, err: (err as Error).name },
        'could not notify an admin in the app about a paused destination',
      );
    }
  }
  if (!mailer) return;
  const text = [
    `The destination "${destination.name}" (${destination.type}) refused HireBridge's credentials, so pushes to it are paused.`,
    `It said: ${message}`,
    `Fix the credentials on the Destinations page (${deps.publicUrl}/destinations) or test it again; paused pushes then resume.`,
  ].join('\n\n');
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
