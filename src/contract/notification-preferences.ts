import { z } from 'zod';

/**
 * GET / PUT /api/v1/me/notification-preferences: how the signed-in user hears about new hires: in the
 * app, by email, and mentioned (by their Slack member id) in the connection's Slack message.
 */
export const notificationPreferencesRequestSchema = z.strictObject({
  inApp: z.boolean(),
  email: z.boolean(),
  slackMemberId: z
    .string()
    .trim()
    .max(32, 'is too long: a Slack member id is like U024BE7LH')
    .regex(
      /^([UW][A-Z0-9]{2,30})?$/,
      'must be a Slack member id like U024BE7LH (Profile → ⋮ → Copy member ID)',
    )
    .nullable(),
});

export const notificationPreferencesResponseSchema = z.object({
  inApp: z.boolean(),
  email: z.boolean(),
  slackMemberId: z.string().nullable(),
});
export type NotificationPreferencesResponse = z.infer<typeof notificationPreferencesResponseSchema>;
