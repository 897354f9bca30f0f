import type { NotificationSettings } from '../core/model/notification.js';
import { mayManageInbox, type User } from '../core/model/user.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { InboxData } from '../core/ports/inbox-store.js';
import type { NotificationData } from '../core/ports/notification-store.js';

/**
 * Inside the transaction that created the new hire: an in-app notification for each recipient, and one
 * queued send per recipient email and per connection Slack webhook, as each recipient chose (a user may
 * turn their in-app notifications or their emails off). Called only for the `created`
 * outcome, which happens once per application, and every row is unique per (new hire, recipient,
 * channel), so repeated deliveries never notify twice. A quiet (backfilled) hire gets its in-app
 * notifications only: the backfill's digest is its email and Slack message.
 */
export async function queueNewHireNotifications(
  deps: { readonly clock: Clock; readonly ids: IdGenerator },
  data: InboxData,
  input: { newHireId: string; connectionId: string; quiet?: boolean },
): Promise<void> {
  const notifications = data.notifications;
  const settings = await notifications.settings(input.connectionId);
  const recipients = await resolveRecipients(notifications, settings);
  const at = deps.clock.now();
  const send = async (channel: 'email' | 'slack', userId: string | null) => {
    const sendId = deps.ids.newId();
    const inserted = await notifications.insertSend({
      id: sendId,
      newHireId: input.newHireId,
      connectionId: input.connectionId,
      channel,
      userId,
      status: 'pending',
      attempts: 0,
      lastError: null,
      sentAt: null,
      createdAt: at,
      updatedAt: at,
    });
    // The send and its job commit with the new hire they announce.
    if (inserted) await data.jobs.enqueue('notifications.send', { sendId });
  };
  // Each recipient's own choice: no in-app notification, or no email, for those who turned it off.
  const preferences = await notifications.preferencesOf(recipients.map((u) => u.id));
  for (const user of recipients) {
    const wants = preferences.get(user.id);
    if (wants?.email !== false && notifications.emailEnabled() && input.quiet !== true)
      await send('email', user.id);
    if (wants?.inApp === false) continue;
    await notifications.insertNotification({
      id: deps.ids.newId(),
      userId: user.id,
      newHireId: input.newHireId,
      connectionId: input.connectionId,
      createdAt: at,
      readAt: null,
    });
  }
  if (settings.slackWebhookConfigured && input.quiet !== true) await send('slack', null);
}

/**
 * The chosen recipients; without a choice, the user who connected Ashby; when that is unknown (connected
 * with an API token), every admin. Only users who may manage the inbox, checked again now: a user whose
 * role changed since they were chosen is skipped.
 */
export async function resolveRecipients(
  notifications: Pick<NotificationData, 'usersByIds' | 'users'>,
  settings: NotificationSettings,
): Promise<User[]> {
  const candidates =
    settings.recipientIds !== null
      ? await notifications.usersByIds(settings.recipientIds)
      : settings.connectedByUserId !== null
        ? await notifications.usersByIds([settings.connectedByUserId])
        : (await notifications.users()).filter((u) => u.role === 'admin');
  return candidates.filter((u) => mayManageInbox(u.role));
}
