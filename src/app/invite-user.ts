import type { Actor } from './actor.js';
import { INVITE_LINK_TTL_MS } from '../core/auth/invite.js';
import { AppError } from '../core/errors/app-error.js';
import type { SignInDeps } from './sign-in-deps.js';
import { issueUserLink } from './user-link.js';

/**
 * A new invite link for a user who has not signed up yet (an admin's action). Earlier unused links of
 * that user stop working, so only the newest one sent is valid.
 */
export async function inviteUser(
  deps: Pick<SignInDeps, 'accounts' | 'secrets' | 'clock' | 'ids' | 'publicUrl'>,
  input: { userId: string; actor: Actor },
): Promise<{ inviteUrl: string; expiresAt: number }> {
  const { token, expiresAt } = await issueUserLink(deps, {
    userId: input.userId,
    actor: input.actor,
    purpose: 'invite',
    ttlMs: INVITE_LINK_TTL_MS,
    action: 'user.invite',
    check: (found) => {
      if (found.passwordHash !== null)
        throw new AppError('conflict', 'This user has already signed up; they sign in with their password');
    },
  });
  // The token travels in the fragment, which browsers never send: it cannot reach a request log.
  return { inviteUrl: `${deps.publicUrl}/invite#${token}`, expiresAt };
}
