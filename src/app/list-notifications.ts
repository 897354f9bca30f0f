import { notFound } from '../core/errors/app-error.js';
import type { Destination } from '../core/model/destination.js';
import type {
  AppNotification,
  DestinationNotice,
  NewHireNotice,
  NotificationSend,
} from '../core/model/notification.js';
import { noticeOf } from '../core/notifications/compose-notice.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { NotificationStore } from '../core/ports/notification-store.js';
import type { UserStore } from '../core/ports/user-store.js';

export interface NotificationReadDeps {
  readonly notifications: NotificationStore;
  readonly users: UserStore;
  readonly inbox: InboxStore;
  /** Destination notices name their destination as it is now. */
  readonly destinations: { find(id: string): Promise<Destination | undefined> };
  readonly publicUrl: string;
}

export type NotificationView =
  | {
      readonly kind: 'new_hire';
      readonly notification: AppNotification;
      /** Name, job, start date and link, read from the new hire now; null once the new hire was deleted. */
      readonly notice: NewHireNotice | null;
      /** The email to this user about this new hire, if one was queued. */
      readonly email: NotificationSend | null;
    }
  | {
      readonly kind: 'destination_paused';
      readonly notification: DestinationNotice;
      /** The destination now (paused still, or resumed since); null once it was removed. */
      readonly destination: Destination | null;
      /** The Destinations page, where the admin fixes or tests it: PUBLIC_URL/destinations. */
      readonly link: string;
    };

/** A user's in-app notifications, newest first. */
export async function listNotifications(
  deps: NotificationReadDeps,
  input: { userId: string; unreadOnly: boolean; limit: number },
): Promise<NotificationView[]> {
  if (!(await deps.users.find(input.userId))) throw notFound('User');
  const rows = await deps.notifications.listForUser(input.userId, {
    unreadOnly: input.unreadOnly,
    limit: input.limit,
  });
  return Promise.all(
    rows.map(async (notification): Promise<NotificationView> => {
      if (notification.kind === 'destination_paused') {
        const destination = (await deps.destinations.find(notification.destinationId)) ?? null;
        return { kind: notification.kind, notification, destination, link: `${deps.publicUrl}/destinations` };
      }
      const hire = await deps.inbox.read((data) => data.findNewHire(notification.newHireId));
      const sends = await deps.notifications.listSends({ newHireId: notification.newHireId, limit: 100 });
      return {
        kind: notification.kind,
        notification,
        notice: hire && hire.status !== 'deleted' ? noticeOf(hire, deps.publicUrl) : null,
        email: sends.find((s) => s.channel === 'email' && s.userId === input.userId) ?? null,
      };
    }),
  );
}

/** How many of a user's notifications are unread (the badge on the bell). */
export async function countUnreadNotifications(
  deps: Pick<NotificationReadDeps, 'notifications' | 'users'>,
  input: { userId: string },
): Promise<number> {
  if (!(await deps.users.find(input.userId))) throw notFound('User');
  return deps.notifications.countUnread(input.userId);
}

export async function markNotificationRead(
  deps: Pick<NotificationReadDeps, 'notifications'> & { readonly clock: { now(): number } },
  input: { userId: string; notificationId: string },
): Promise<void> {
  if (!(await deps.notifications.markRead(input.notificationId, input.userId, deps.clock.now())))
    throw notFound('Notification');
}
