import { markAllNotificationsRead } from '../app/mark-all-notifications-read.js';
import { actorOf } from '../app/actor.js';
import { saveNotificationSettingsAudited } from '../app/admin-actions.js';
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationRead,
} from '../app/list-notifications.js';
import { checkConnectingUser, getNotificationSettings } from '../app/notification-settings.js';
import { connectorContext } from '../connectors/context.js';
import { createHttpClient } from '../connectors/kit/http-client.js';
import { connectorRegistry } from '../connectors/registry.js';
import { sleep } from '../connectors/kit/sleep.js';
import type { AshbyConnectionStore } from '../core/ports/ashby-connection-store.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { UserStore } from '../core/ports/user-store.js';
import { destinationStore } from '../db/stores/destination-store.js';
import { notificationStore } from '../db/stores/notification-store.js';
import { notificationPreferenceStore } from '../db/stores/notification-preferences-store.js';
import type { PeopleServices } from '../http/people-services.js';
import { sendBackfillDigestHandler } from '../jobs/send-backfill-digest.job.js';
import { sendNotificationHandler } from '../jobs/send-notification.job.js';
import type { Shared } from './shared.js';

type NotificationServices = Omit<PeopleServices, 'listUsers' | 'addUser' | 'inviteUser' | 'changeUserRole'>;

/** New-hire notifications: in-app, email over SMTP, Slack incoming webhooks; their settings and sends. */
export function notificationsWiring(
  { config, db, clock, ids, logger, secretBox, admin, emailEnabled, outbound }: Shared,
  deps: {
    inbox: InboxStore;
    connections: AshbyConnectionStore;
    users: UserStore;
    pendingImports: (connectionId: string) => Promise<number>;
  },
) {
  const notifications = notificationStore(db, secretBox);
  const preferences = notificationPreferenceStore(db);
  // The webhook URL is admin-typed: its calls go through the outbound address policy, pinned.
  const http = createHttpClient({
    fetch: outbound.guardedFetch,
    clock,
    sleep,
    random: Math.random,
    logger,
    timeoutMs: 10_000,
    maxResponseBytes: 64 * 1024,
    retry: { maxRetries: 2, baseDelayMs: 500, maxWaitMs: 5_000 },
  });
  const { slack: slackConnector, smtp } = connectorRegistry;
  const base = { http, fetch: outbound.guardedFetch, clock };
  const slack = slackConnector.create(connectorContext(slackConnector, base), {});
  const mailer = config.documents.smtp && smtp.create(connectorContext(smtp, base), config.documents.smtp);
  const { users, inbox, connections } = deps;
  // Destination notices name their destination as it is when read.
  const destinations = destinationStore(db, secretBox, ids);
  const { publicUrl } = config;
  const settingsDeps = { notifications, users, connections, clock, emailEnabled };
  const services: NotificationServices = {
    notificationPreferences: (userId) => preferences.get(userId),
    saveNotificationPreferences: async (userId, chosen) => {
      await preferences.save(userId, chosen, clock.now());
      return preferences.get(userId);
    },
    notificationSettings: (connectionId) => getNotificationSettings(settingsDeps, connectionId),
    saveNotificationSettings: ({ principal, ...i }) =>
      saveNotificationSettingsAudited(
        { ...admin, emailEnabled, checkUrl: outbound.checkUrl },
        i,
        actorOf(principal),
      ),
    listNotifications: (i) => listNotifications({ notifications, users, inbox, destinations, publicUrl }, i),
    markNotificationRead: (i) => markNotificationRead({ notifications, clock }, i),
    markAllNotificationsRead: (i) => markAllNotificationsRead({ notifications, clock }, i),
    unreadNotificationCount: (i) => countUnreadNotifications({ notifications, users }, i),
    listSends: (filter) => notifications.listSends(filter),
  };
  const send = {
    notifications,
    inbox,
    users,
    mailer,
    slack,
    publicUrl: config.publicUrl,
    clock,
    preferences,
  };
  return {
    services,
    mailer: mailer || undefined,
    jobs: [
      sendNotificationHandler(send),
      sendBackfillDigestHandler({ ...send, pendingImports: deps.pendingImports }),
    ],
    /** Before connecting: the connecting user must be an admin. */
    checkConnectingUser: (userId: string) => checkConnectingUser({ users }, userId),
  };
}
