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
export interface ResetLinkResponse {
  readonly resetUrl: string;
  readonly expiresAt: string;
}

/** An API token as listed (never its value). Times are ISO 8601. */
export interface ApiTokenView {
  readonly id: string;
  readonly name: string;
  readonly role: 'admin' | 'inbox';
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  /** The user who created it; null when made on the command line. */
  readonly userId: string | null;
}
