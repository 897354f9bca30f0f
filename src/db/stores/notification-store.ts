import { preferencesOf } from './notification-preferences-store.js';
import type { Kysely } from 'kysely';
import type {
  InAppNotification,
  NotificationSend,
  NotificationSettings,
} from '../../core/model/notification.js';
import type { NotificationData, NotificationStore } from '../../core/ports/notification-store.js';
import {
  countUnreadNotificationRows,
  findNotificationSettingsRow,
  findSendRow,
  insertNotificationOnce,
  insertSendOnce,
  listNotificationRows,
  listSendRows,
  markNotificationRead,
  updateSendRow,
  upsertDestinationNoticeRow,
  upsertNotificationSettingsRow,
} from '../repositories/notification.repository.js';
import { listUserRows } from '../repositories/user.repository.js';
import type { Database } from '../tables/database.js';
import type { NotificationRow, NotificationSendRow } from '../tables/notification.table.js';
import type { SecretBox } from '../../core/ports/secret-box.js';
import { toUser } from './user-store.js';

/** Seal context: the ciphertext opens only in this column of this connection's row. */
const slackContext = (connectionId: string) =>
  `connection_notification_settings.slack_webhook:${connectionId}`;
const SLACK_RECIPIENT = '-';

async function readSettings(db: Kysely<Database>, connectionId: string): Promise<NotificationSettings> {
  const row = await findNotificationSettingsRow(db, connectionId);
  return {
    connectionId,
    connectedByUserId: row?.connected_by_user_id ?? null,
    recipientIds: row?.recipient_ids ? (JSON.parse(row.recipient_ids) as string[]) : null,
    slackWebhookConfigured: Boolean(row?.slack_webhook_sealed),
  };
}

function toSend(row: NotificationSendRow): NotificationSend {
  return {
    id: row.id,
    newHireId: row.new_hire_id,
    connectionId: row.connection_id,
    channel: row.channel as NotificationSend['channel'],
    userId: row.recipient === SLACK_RECIPIENT ? null : row.recipient,
    status: row.status as NotificationSend['status'],
    attempts: row.attempts,
    lastError: row.last_error,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A row as the notification it is; a row of an unknown kind (a newer version's) reads as none. */
function toNotification(r: NotificationRow): InAppNotification | undefined {
  const common = { id: r.id, userId: r.user_id, createdAt: r.created_at, readAt: r.read_at };
  if (r.kind === 'destination_paused' && r.destination_id !== null)
    return { ...common, kind: 'destination_paused', destinationId: r.destination_id, detail: r.detail ?? '' };
  if (r.kind === 'new_hire' && r.new_hire_id !== null && r.connection_id !== null)
    return { ...common, kind: 'new_hire', newHireId: r.new_hire_id, connectionId: r.connection_id };
  return undefined;
}

/** The in-transaction notification operations of the inbox (InboxData.notifications). */
export function notificationData(db: Kysely<Database>, options: { emailEnabled: boolean }): NotificationData {
  return {
    settings: (connectionId) => readSettings(db, connectionId),
    emailEnabled: () => options.emailEnabled,
    usersByIds: async (ids) => (await listUserRows(db, ids)).map(toUser),
    users: async () => (await listUserRows(db)).map(toUser),
    preferencesOf: (userIds) => preferencesOf(db, userIds),
    insertNotification: (n) =>
      insertNotificationOnce(db, {
        id: n.id,
        user_id: n.userId,
        kind: 'new_hire',
        new_hire_id: n.newHireId,
        connection_id: n.connectionId,
        destination_id: null,
        detail: null,
        created_at: n.createdAt,
        read_at: n.readAt,
      }),
    insertSend: (s) =>
      insertSendOnce(db, {
        id: s.id,
        new_hire_id: s.newHireId,
        connection_id: s.connectionId,
        channel: s.channel,
        recipient: s.userId ?? SLACK_RECIPIENT,
        status: s.status,
        attempts: s.attempts,
        last_error: s.lastError,
        sent_at: s.sentAt,
        created_at: s.createdAt,
        updated_at: s.updatedAt,
      }),
  };
}

export function notificationStore(db: Kysely<Database>, box: SecretBox): NotificationStore {
  return {
    findSend: async (id) => {
      const row = await findSendRow(db, id);
      return row && toSend(row);
    },
    updateSend: (id, c) =>
      updateSendRow(db, id, {
        status: c.status,
        attempts: c.attempts,
        last_error: c.lastError?.slice(0, 500) ?? null,
        sent_at: c.sentAt,
        updated_at: c.at,
      }),
    listSends: async (filter) => (await listSendRows(db, filter)).map(toSend),
    listForUser: async (userId, filter) =>
      (await listNotificationRows(db, userId, filter))
        .map(toNotification)
        .filter((n): n is InAppNotification => n !== undefined),
    insertDestinationNotice: (n) =>
      upsertDestinationNoticeRow(db, {
        id: n.id,
        user_id: n.userId,
        destination_id: n.destinationId,
        detail: n.detail.slice(0, 500),
        created_at: n.createdAt,
      }),
    countUnread: (userId) => countUnreadNotificationRows(db, userId),
    markRead: (id, userId, at) => markNotificationRead(db, id, userId, at),
    settings: (connectionId) => readSettings(db, connectionId),
    saveSettings: (connectionId, change, at) =>
      upsertNotificationSettingsRow(db, connectionId, {
        updated_at: at,
        ...(change.recipientIds === undefined
          ? {}
          : { recipient_ids: change.recipientIds === null ? null : JSON.stringify(change.recipientIds) }),
        ...(change.slackWebhookUrl === undefined
          ? {}
          : {
              slack_webhook_sealed:
                change.slackWebhookUrl === null
                  ? null
                  : box.seal(change.slackWebhookUrl, slackContext(connectionId)),
            }),
      }),
    recordConnectedBy: (connectionId, userId, at) =>
      upsertNotificationSettingsRow(db, connectionId, { connected_by_user_id: userId, updated_at: at }),
    slackWebhookUrl: async (connectionId) => {
      const row = await findNotificationSettingsRow(db, connectionId);
      return row?.slack_webhook_sealed
        ? box.open(row.slack_webhook_sealed, slackContext(connectionId))
        : undefined;
    },
  };
}
