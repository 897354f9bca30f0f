import { z } from 'zod';

/**
 * Sign-in: the public /api/v1/auth routes (no token, no session needed). Bodies are JSON only. A
 * successful setup, sign-in or invite acceptance sets the `hb_session` cookie (HttpOnly, SameSite=Strict)
 * and answers `sessionResponseSchema`; the page keeps `csrfToken` and sends it as `X-CSRF-Token` on every
 * POST, PUT, PATCH and DELETE.
 */

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'inbox', 'viewer']),
  mayManageInbox: z.boolean(),
});

export const sessionResponseSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** GET /api/v1/auth/state: true while no user has a password (the first admin is still to be created). */
export const authStateResponseSchema = z.object({ setupRequired: z.boolean() });
export type AuthStateResponse = z.infer<typeof authStateResponseSchema>;

// Length only; the password policy (10 to 256 characters) is applied by the server and named per field.
const newPassword = z.string({ error: 'is required' }).max(4096, 'must be at most 256 characters');
const linkToken = z.string({ error: 'is required' }).min(1, 'is required').max(200);

/** POST /api/v1/auth/setup, with the token of the setup link HireBridge printed at start. */
export const setupRequestSchema = z.strictObject({
  token: linkToken,
  email: z.string({ error: 'is required' }).max(254, 'must be an email address'),
  name: z.string({ error: 'is required' }).max(200, 'must be 1 to 200 characters'),
  password: newPassword,
});

/** POST /api/v1/auth/login */
export const loginRequestSchema = z.strictObject({
  email: z.string({ error: 'is required' }).min(1, 'is required').max(320),
  password: z.string({ error: 'is required' }).min(1, 'is required').max(4096),
});

/**
 * POST /api/v1/auth/invites/view with `{ token }`: who the invite is for. A POST so the token travels in
 * the body, never in a path or query that request logs keep.
 */
export const inviteResponseSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'inbox', 'viewer']),
});

export const viewInviteRequestSchema = z.strictObject({ token: linkToken });

/** POST /api/v1/auth/setup/view with `{ token }`: the link is good (a spent or unknown one is a 4xx). */
export const setupLinkValidSchema = z.object({ valid: z.literal(true) });

/** POST /api/v1/auth/resets/view with `{ token }`: whose password a reset link sets. */
export const resetLinkResponseSchema = z.object({ email: z.string(), name: z.string() });
export type ResetLinkResponse = z.infer<typeof resetLinkResponseSchema>;

/** POST /api/v1/auth/resets/accept: the new password; every earlier session of the user ends. */
export const resetPasswordRequestSchema = z.strictObject({ token: linkToken, password: newPassword });

/** POST /api/v1/auth/invites/accept: `name` corrects the name the admin typed, if given. */
export const acceptInviteRequestSchema = z.strictObject({
  token: linkToken,
  name: z.string().max(200, 'must be 1 to 200 characters').optional(),
  password: newPassword,
});
