import type { Generated, Selectable } from 'kysely';

export interface UserTable {
  id: string;
  email: string;
  /** Lower-cased, trimmed email: one user per address. */
  email_key: string;
  name: string;
  /** admin, inbox, viewer */
  role: string;
  created_at: number;
  created_by: string;
  /** argon2id PHC string; null while the user is invited and has not set a password. */
  password_hash: string | null;
  /** When an admin deactivated the user; null while active. */
  deactivated_at: number | null;
}
export type UserRow = Selectable<UserTable>;

export interface ConnectionNotificationSettingsTable {
  connection_id: string;
  connected_by_user_id: string | null;
  /** JSON array of user ids, or null for the default recipient. */
  recipient_ids: string | null;
  /** Sealed by the secret box (context: connection_notification_settings.slack_webhook:<connection id>). */
  slack_webhook_sealed: string | null;
  updated_at: number;
}
export type ConnectionNotificationSettingsRow = Selectable<ConnectionNotificationSettingsTable>;

export interface NotificationTable {
  id: string;
  user_id: string;
  /** new_hire (the default), destination_paused */
  kind: Generated<string>;
  /** Set for new_hire notifications. */
  new_hire_id: string | null;
  connection_id: string | null;
  /** Set for destination_paused notices (no foreign key: a removed destination leaves its notices). */
  destination_id: string | null;
  /** What the destination answered, for destination_paused notices. */
  detail: string | null;
  created_at: number;
  read_at: number | null;
}
export type NotificationRow = Selectable<NotificationTable>;

export interface NotificationSendTable {
  id: string;
  new_hire_id: string;
  connection_id: string;
  /** email, slack */
  channel: string;
  /** The user id of an email; '-' for Slack. */
  recipient: string;
  /** pending, retrying, sent, failed, cancelled */
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: number | null;
  created_at: number;
  updated_at: number;
}
export type NotificationSendRow = Selectable<NotificationSendTable>;
