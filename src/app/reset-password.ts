import { inviteState, RESET_LINK_TTL_MS } from '../core/auth/invite.js';
import { passwordProblem } from '../core/auth/password-policy.js';
import { AppError } from '../core/errors/app-error.js';
import type { AccountData, Credentials } from '../core/ports/account-store.js';
import { actorOf, type Actor } from './actor.js';
import { refuseProblems } from './add-user.js';
import { openSession } from './open-session.js';
import { userPrincipal, type SignedIn, type SignInDeps } from './sign-in-deps.js';
import { issueUserLink } from './user-link.js';

/**
 * A password-reset link for a user who forgot theirs (an admin's action), made the way invites are: a
 * single-use token, only its hash stored, valid a day, in the fragment of `/reset#TOKEN`. Earlier
 * unused reset links of that user stop working. The current password keeps working until the link is
 * used, so a link made by mistake locks nobody out. Audited in the same transaction.
 */
export async function createResetLink(
  deps: Pick<SignInDeps, 'accounts' | 'secrets' | 'clock' | 'ids' | 'publicUrl'>,
  input: { userId: string; actor: Actor },
): Promise<{ resetUrl: string; expiresAt: number }> {
  const { token, expiresAt } = await issueUserLink(deps, {
    userId: input.userId,
    actor: input.actor,
    purpose: 'reset',
    ttlMs: RESET_LINK_TTL_MS,
    action: 'user.password.reset_link',
    check: (found) => {
      if (found.passwordHash === null)
        throw new AppError('conflict', 'This user has not signed up yet; send them an invite link instead');
      if (found.deactivatedAt !== null)
        throw new AppError(
          'conflict',
          'This user is deactivated; reactivate them before resetting the password',
        );
    },
  });
  return { resetUrl: `${deps.publicUrl}/reset#${token}`, expiresAt };
}

/**
 * The user of a valid reset link, or why it is not valid: unknown (or replaced by a newer link) is
 * `not_found`; used, expired or for a deactivated user is `conflict`, with a message that says which.
 */
async function validResetLink(
  data: AccountData,
  deps: Pick<SignInDeps, 'secrets' | 'clock'>,
  token: string,
): Promise<Credentials> {
  const link = await data.findInvite(deps.secrets.hash(token));
  const found =
    link?.purpose === 'reset' && link.userId !== null
      ? await data.findCredentials({ id: link.userId })
      : undefined;
  if (!link || !found)
    throw new AppError('not_found', 'This reset link is unknown or was replaced by a newer one');
  const state = inviteState(link, deps.clock.now());
  if (state === 'used')
    throw new AppError('conflict', 'This reset link was already used: sign in with your new password', {
      details: { reason: 'used' },
    });
  if (state === 'expired')
    throw new AppError('conflict', 'This reset link has expired; ask an admin for a new one', {
      details: { reason: 'expired' },
    });
  if (found.deactivatedAt !== null)
    throw new AppError('conflict', 'This account is deactivated; ask an admin to reactivate it', {
      details: { reason: 'deactivated' },
    });
  return found;
}

/** Whose password a reset link sets, so the page can name the account before a password is chosen. */
export async function viewResetLink(
  deps: Pick<SignInDeps, 'accounts' | 'secrets' | 'clock'>,
  token: string,
): Promise<{ email: string; name: string }> {
  const { user } = await validResetLink(deps.accounts, deps, token);
  return { email: user.email, name: user.name };
}

/**
 * Sets the new password of a reset link's user and signs them in. Every earlier session of theirs ends
 * (whoever knew the old password is signed out everywhere); the link is used up in the same
 * transaction, with the audit entry.
 */
export async function resetPassword(
  deps: SignInDeps,
  input: { token: string; password: string },
): Promise<SignedIn> {
  const weak = passwordProblem(input.password);
  refuseProblems('password reset', weak ? [{ field: 'password', message: weak }] : []);
  // Checked before the slow hash, so a bad link costs no hashing; checked again when it is used.
  await validResetLink(deps.accounts, deps, input.token);
  const passwordHash = await deps.passwords.hash(input.password);
  return deps.accounts.transaction(async (data) => {
    const { user } = await validResetLink(data, deps, input.token);
    const now = deps.clock.now();
    if (!(await data.useInvite(deps.secrets.hash(input.token), now)))
      throw new AppError('conflict', 'This reset link was already used: sign in with your new password', {
        details: { reason: 'used' },
      });
    await data.updateUser(user.id, { passwordHash });
    await data.deleteUserSessions(user.id, undefined);
    await data.audit({
      id: deps.ids.newId(),
      at: now,
      actor: actorOf(userPrincipal(user)),
      action: 'user.password.reset',
      targetType: 'user',
      targetId: user.id,
      details: {},
    });
    return openSession(data, deps, user);
  });
}
