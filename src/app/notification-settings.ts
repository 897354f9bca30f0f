import { AppError, notFound } from '../core/errors/app-error.js';
import { mayManageInbox, type User } from '../core/model/user.js';
import { checkSlackWebhookUrl } from '../core/notifications/slack-webhook-url.js';
import type { AshbyConnectionStore } from '../core/ports/ashby-connection-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { NotificationStore } from '../core/ports/notification-store.js';
import type { UserStore } from '../core/ports/user-store.js';
import { resolveRecipients } from './queue-new-hire-notifications.js';

export interface NotificationAdminDeps {
  readonly notifications: NotificationStore;
  readonly users: UserStore;
  readonly connections: Pick<AshbyConnectionStore, 'find'>;
  readonly clock: Clock;
  /** Whether SMTP is configured, so emails go out. */
  readonly emailEnabled: boolean;
}

export interface NotificationSettingsView {
  readonly connectionId: string;
  /** Who is notified now (the choice, or the default). */
  readonly recipients: readonly User[];
  /** True while no recipients were chosen: the user who connected Ashby (or every admin) hears. */
  readonly usingDefault: boolean;
  readonly connectedByUserId: string | null;
  readonly channels: { readonly inApp: true; readonly email: boolean; readonly slack: boolean };
}

export async function getNotificationSettings(
  deps: NotificationAdminDeps,
  connectionId: string,
): Promise<NotificationSettingsView> {
  if (!(await deps.connections.find(connectionId))) throw notFound('Ashby connection');
  const settings = await deps.notifications.settings(connectionId);
  const recipients = await resolveRecipients(
    {
      usersByIds: async (ids) => (await deps.users.list()).filter((u) => ids.includes(u.id)),
      users: () => deps.users.list(),
    },
    settings,
  );
  return {
    connectionId,
    recipients,
    usingDefault: settings.recipientIds === null,
    connectedByUserId: settings.connectedByUserId,
    channels: { inApp: true, email: deps.emailEnabled, slack: settings.slackWebhookConfigured },
  };
}

/**
 * Chooses who hears about a connection's new hires (`null`: back to the default) and sets or removes
 * its Slack incoming webhook. Only users who may manage the inbox can be chosen: any other (a viewer, an
 * unknown id) refuses the change with `invalid_fields` naming each by id.
 */
export async function saveNotificationSettings(
  deps: NotificationAdminDeps,
  input: { connectionId: string; recipientIds?: readonly string[] | null; slackWebhookUrl?: string | null },
): Promise<NotificationSettingsView> {
  if (!(await deps.connections.find(input.connectionId))) throw notFound('Ashby connection');
  const problems: { field: string; userId?: string; message: string }[] = [];
  let recipientIds: string[] | null | undefined;
  if (input.recipientIds !== undefined && input.recipientIds !== null) {
    recipientIds = [...new Set(input.recipientIds)];
    for (const id of recipientIds) {
      const user = await deps.users.find(id);
      // The id is all there is to name a user that does not exist; a real one is named as people know them.
      if (!user) problems.push({ field: 'recipients', userId: id, message: `no user has the id ${id}` });
      else if (!mayManageInbox(user.role)) {
        problems.push({
          field: 'recipients',
          userId: id,
          message: `${user.name} (${user.email}) may not manage the ATS inbox (role ${user.role}), so cannot receive new-hire notifications`,
        });
      }
    }
  } else recipientIds = input.recipientIds;
  if (problems.length > 0) {
    throw new AppError('invalid_fields', `Refused recipients: ${problems.map((p) => p.message).join('; ')}`, {
      details: { problems },
    });
  }
  const slackWebhookUrl =
    input.slackWebhookUrl === undefined || input.slackWebhookUrl === null
      ? input.slackWebhookUrl
      : checkSlackWebhookUrl(input.slackWebhookUrl);
  await deps.notifications.saveSettings(
    input.connectionId,
    {
      ...(recipientIds === undefined ? {} : { recipientIds }),
      ...(slackWebhookUrl === undefined ? {} : { slackWebhookUrl }),
    },
    deps.clock.now(),
  );
  return getNotificationSettings(deps, input.connectionId);
}

/** At connect: remembers which user connected Ashby, the default recipient. Refuses an unknown user. */
export async function checkConnectingUser(
  deps: Pick<NotificationAdminDeps, 'users'>,
  userId: string,
): Promise<User> {
  const user = await deps.users.find(userId);
  if (!user)
    throw new AppError('validation_failed', `connectedByUserId: user ${userId} does not exist`, {
      details: { problems: [{ field: 'connectedByUserId', message: 'no such user' }] },
    });
  if (user.role !== 'admin')
    throw new AppError(
      'validation_failed',
      `connectedByUserId: user ${userId} is not an admin; only admins connect Ashby`,
      { details: { problems: [{ field: 'connectedByUserId', message: 'must be an admin' }] } },
    );
  return user;
}
