import type {
  AppNotification,
  DestinationNotice,
  InAppNotification,
  NotificationSend,
  NotificationSettings,
  SendStatus,
} from '../model/notification.js';
import type { NotificationPreferences } from '../model/notification-preferences.js';
import type { User } from '../model/user.js';

/** Notification operations inside an inbox transaction (InboxData.notifications): queued with the new hire. */
export interface NotificationData {
  settings(connectionId: string): Promise<NotificationSettings>;
  /** Which channels besides in-app are set up: email when SMTP is configured, Slack per connection. */
  emailEnabled(): boolean;
  usersByIds(ids: readonly string[]): Promise<User[]>;
  users(): Promise<User[]>;
  /** Each user's own preferences (the defaults for those who never chose). */
  preferencesOf(userIds: readonly string[]): Promise<Map<string, NotificationPreferences>>;
  /** False when that user already has this notification. */
  insertNotification(notification: AppNotification): Promise<boolean>;
  /** Records the send; false when it was already there. */
  insertSend(send: NotificationSend): Promise<boolean>;
}

/** Notifications outside the import transaction: the send job, the API, the settings. */
export interface NotificationStore {
  findSend(id: string): Promise<NotificationSend | undefined>;
  updateSend(
    id: string,
    change: {
      status: SendStatus;
      attempts: number;
      lastError: string | null;
      sentAt: number | null;
      at: number;
    },
  ): Promise<void>;
  listSends(filter: { status?: SendStatus; newHireId?: string; limit: number }): Promise<NotificationSend[]>;
  listForUser(userId: string, filter: { unreadOnly: boolean; limit: number }): Promise<InAppNotification[]>;
  /**
   * A notice that a destination refused its credentials. When the user has an unread one about this
   * destination already, that one is refreshed (new answer, new time) instead; false then.
   */
  insertDestinationNotice(notice: DestinationNotice): Promise<boolean>;
  countUnread(userId: string): Promise<number>;
  /** False when the notification does not exist or belongs to another user. */
  markRead(id: string, userId: string, at: number): Promise<boolean>;
  settings(connectionId: string): Promise<NotificationSettings>;
  /** `recipientIds` null = back to the default; `slackWebhookUrl` null = remove, undefined = keep. */
  saveSettings(
    connectionId: string,
    change: { recipientIds?: readonly string[] | null; slackWebhookUrl?: string | null },
    at: number,
  ): Promise<void>;
  /** The user who connected Ashby: the default recipient. */
  recordConnectedBy(connectionId: string, userId: string, at: number): Promise<void>;
  /** The connection's Slack incoming-webhook URL, opened from its sealed form. */
  slackWebhookUrl(connectionId: string): Promise<string | undefined>;
}
