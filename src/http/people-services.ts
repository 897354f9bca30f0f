import type { NotificationPreferences } from '../core/model/notification-preferences.js';
import type { InviteEmail } from '../app/email-invite.js';
import type { DocumentSettingsChange } from '../app/document-settings.js';
import type { DocumentOwner } from '../app/list-documents.js';
import type { NotificationView } from '../app/list-notifications.js';
import type { NotificationSettingsView } from '../app/notification-settings.js';
import type { Principal } from '../core/auth/role.js';
import type {
  DocumentCategory,
  DocumentCategoryKind,
  DocumentSettings,
  HireDocument,
} from '../core/model/document.js';
import type { NotificationSend, SendStatus } from '../core/model/notification.js';
import type { User } from '../core/model/user.js';

/** Documents of new hires and members, the document lists and per-connection document settings. */
export interface DocumentServices {
  list(owner: DocumentOwner): Promise<HireDocument[]>;
  open(input: {
    owner: DocumentOwner;
    documentId: string;
  }): Promise<{ document: HireDocument; content: AsyncIterable<Uint8Array> }>;
  categories(kind: DocumentCategoryKind): Promise<DocumentCategory[]>;
  addCategory(input: {
    kind: DocumentCategoryKind;
    name: string;
    principal: Principal;
  }): Promise<DocumentCategory>;
  settings(connectionId: string): Promise<DocumentSettings>;
  saveSettings(input: {
    connectionId: string;
    change: DocumentSettingsChange;
    principal: Principal;
  }): Promise<DocumentSettings>;
}

/** A user just added, with the link that lets them set a password. */
export type InvitedUser = User & { readonly inviteUrl: string; readonly emailed?: InviteEmail };

/** HireBridge users, notification recipients and channels, in-app notifications and send status. */
export interface PeopleServices {
  listUsers(): Promise<User[]>;
  /** Adds the user and makes their invite link (7 days, single use). */
  addUser(input: { email: string; name: string; role: string; principal: Principal }): Promise<InvitedUser>;
  /** A new invite link for a user who has not signed up; earlier links stop working. */
  inviteUser(input: {
    userId: string;
    principal: Principal;
  }): Promise<{ inviteUrl: string; emailed?: InviteEmail }>;
  /** A user's own notification preferences (the defaults when they never chose). */
  notificationPreferences(userId: string): Promise<NotificationPreferences>;
  saveNotificationPreferences(
    userId: string,
    preferences: NotificationPreferences,
  ): Promise<NotificationPreferences>;
  /** Refuses (conflict) to demote the last admin who can sign in. */
  changeUserRole(input: { userId: string; role: string; principal: Principal }): Promise<User>;
  notificationSettings(connectionId: string): Promise<NotificationSettingsView>;
  saveNotificationSettings(input: {
    connectionId: string;
    recipientIds?: readonly string[] | null;
    slackWebhookUrl?: string | null;
    principal: Principal;
  }): Promise<NotificationSettingsView>;
  listNotifications(input: {
    userId: string;
    unreadOnly: boolean;
    limit: number;
  }): Promise<NotificationView[]>;
  markNotificationRead(input: { userId: string; notificationId: string }): Promise<void>;
  /** Marks every unread notification of the user read; how many were. */
  markAllNotificationsRead(input: { userId: string }): Promise<number>;
  unreadNotificationCount(input: { userId: string }): Promise<number>;
  listSends(filter: { status?: SendStatus; limit: number }): Promise<NotificationSend[]>;
}
