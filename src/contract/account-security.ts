import { z } from 'zod';

/** POST /api/v1/me/password: the signed-in user's own password. Other sessions of theirs end. */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string({ error: 'is required' }).min(1, 'is required').max(4096),
  newPassword: z.string({ error: 'is required' }).max(4096, 'must be at most 256 characters'),
});

/** POST /api/v1/tokens (admin): a token for a script, bound to the user who creates it. */
export const createApiTokenRequestSchema = z.strictObject({
  name: z.string({ error: 'is required' }).min(1, 'is required').max(100, 'must be 1 to 100 characters'),
  role: z.enum(['admin', 'inbox'], { error: 'must be admin or inbox' }),
});

/**
 * POST /api/v1/users/:id/reset-link (admin): a single-use link (valid 24 hours) with which a signed-up
 * user chooses a new password; earlier reset links of theirs stop working. The token is in the fragment.
 */
export const resetLinkSchema = z.object({ resetUrl: z.string(), expiresAt: z.string() });
export type ResetLinkResponse = z.infer<typeof resetLinkSchema>;

/** An API token as listed (never its value). Times are ISO 8601. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'inbox']),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** The user who created it; null when made on the command line. */
  userId: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenSchema>;

/** POST /api/v1/tokens: the token, with its value (shown this once). */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });

/** POST /api/v1/users/:id/deactivate and /reactivate. */
export const userActiveSchema = z.object({ id: z.string(), active: z.boolean() });
