import { z } from 'zod';

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'inbox', 'viewer']),
  /** Whether the role holds "Manage ATS inbox" (admins and inbox managers): only they receive new-hire notifications. */
  mayManageInbox: z.boolean(),
  /** Whether they have set a password (false while invited). */
  signedUp: z.boolean(),
  createdAt: z.string(),
  /** False once an admin deactivated them (they cannot sign in); in the user list only. */
  active: z.boolean().optional(),
});
export type UserResponse = z.infer<typeof userSchema>;

/** Whether the invite link was emailed too: `not_configured` without SMTP, `failed` when SMTP refused. */
const inviteEmailed = z.enum(['sent', 'not_configured', 'failed']);

/** POST /api/v1/users answers the user and their invite link (valid 7 days, single use). */
export const addedUserSchema = userSchema.extend({ inviteUrl: z.string(), emailed: inviteEmailed });
export type AddedUserResponse = z.infer<typeof addedUserSchema>;

/** POST /api/v1/users/:id/invite: a new invite link; earlier ones stop working. */
export const inviteUrlResponseSchema = z.object({ inviteUrl: z.string(), emailed: inviteEmailed });
export type InviteUrlResponse = z.infer<typeof inviteUrlResponseSchema>;

/** PATCH /api/v1/users/:id: applies from the user's next request; the last admin cannot be demoted. */
export const changeUserRequestSchema = z.strictObject({
  role: z.enum(['admin', 'inbox', 'viewer'], { error: 'must be admin, inbox or viewer' }),
});

export const addUserRequestSchema = z.strictObject({
  email: z.string().min(3).max(254),
  name: z.string().min(1).max(200),
  role: z.enum(['admin', 'inbox', 'viewer'], { error: 'must be admin, inbox or viewer' }),
});

export const notificationSettingsSchema = z.object({
  connectionId: z.string(),
  recipients: z.array(userSchema),
  usingDefault: z.boolean(),
  connectedByUserId: z.string().nullable(),
  channels: z.object({ inApp: z.literal(true), email: z.boolean(), slack: z.boolean() }),
});
export type NotificationSettingsResponse = z.infer<typeof notificationSettingsSchema>;

/**
 * `recipients`: user ids, or null for the default (the admin who connected Ashby); `slackWebhookUrl`: an
 * incoming-webhook URL, or null to remove it. Omitted keys keep their value.
 */
export const saveNotificationSettingsRequestSchema = z.strictObject({
  recipients: z.array(z.string().min(1).max(100)).max(100).nullable().optional(),
  slackWebhookUrl: z.string().min(1).max(500).nullable().optional(),
});

export const sendSchema = z.object({
  id: z.string(),
  newHireId: z.string(),
  connectionId: z.string(),
  channel: z.enum(['email', 'slack']),
  userId: z.string().nullable(),
  status: z.enum(['pending', 'retrying', 'sent', 'failed', 'cancelled']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SendResponse = z.infer<typeof sendSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  userId: z.string(),
  /** new_hire: a new hire arrived; destination_paused: a destination refused its credentials (admins). */
  kind: z.enum(['new_hire', 'destination_paused']),
  /** Set for new_hire, null for destination_paused. */
  newHireId: z.string().nullable(),
  connectionId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** Null once the new hire was deleted: notifications keep no personal data of their own. */
  newHire: z
    .object({
      name: z.string(),
      jobTitle: z.string().nullable(),
      startDate: z.string().nullable(),
      link: z.string(),
    })
    .nullable(),
  email: sendSchema.nullable(),
  /** Set for destination_paused: the destination as it is now, what it answered, and the page to fix it. */
  destination: z
    .object({
      id: z.string(),
      /** Null once the destination was removed. */
      name: z.string().nullable(),
      type: z.string().nullable(),
      /** credentials_refused while still paused; ok once a test or an edit resumed it. */
      status: z.enum(['ok', 'credentials_refused']).nullable(),
      /** What the destination answered when it refused. */
      message: z.string(),
      /** PUBLIC_URL/destinations */
      link: z.string(),
    })
    .nullable(),
});
export type NotificationResponse = z.infer<typeof notificationSchema>;

/**
 * `userId`: whose notifications. A signed-in user reads their own (it defaults to them; another user's
 * id is refused). API tokens are not people, so they must name the user.
 */
export const listNotificationsQuerySchema = z.object({
  userId: z.string().min(1).max(100).optional(),
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationUserQuerySchema = z.object({ userId: z.string().min(1).max(100).optional() });

export const unreadCountResponseSchema = z.object({ count: z.number() });

export const listSendsQuerySchema = z.object({
  status: z.enum(['pending', 'retrying', 'sent', 'failed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** POST /api/v1/notifications/read-all: how many were marked read. */
export const markedReadSchema = z.object({ marked: z.number().int() });
