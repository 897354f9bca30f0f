const HOUR = 3_600_000;

/** The first-run setup link: valid a day. */
export const SETUP_LINK_TTL_MS = 24 * HOUR;
/** An invite link an admin sends a new user: valid a week. */
export const INVITE_LINK_TTL_MS = 7 * 24 * HOUR;
/** A password-reset link an admin makes for a user: valid a day (it replaces a password). */
export const RESET_LINK_TTL_MS = 24 * HOUR;

/**
 * A single-use link: `setup` creates the first admin (no user yet); `invite` lets an invited user set
 * their password; `reset` lets a signed-up user choose a new one. Only the SHA-256 of the link's token
 * is stored.
 */
export interface Invite {
  readonly tokenHash: string;
  readonly purpose: 'setup' | 'invite' | 'reset';
  /** The invited (or reset) user; null for setup. */
  readonly userId: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt: number | null;
}

export type InviteState = 'valid' | 'used' | 'expired';

export function inviteState(invite: Invite, now: number): InviteState {
  if (invite.usedAt !== null) return 'used';
  return now < invite.expiresAt ? 'valid' : 'expired';
}
