import { inviteState } from '../core/auth/invite.js';
import { AppError } from '../core/errors/app-error.js';
import type { UserRole } from '../core/model/user.js';
import type { AccountData, Credentials } from '../core/ports/account-store.js';
import type { SignInDeps } from './sign-in-deps.js';

/**
 * The invited user of a valid invite link, or the reason it is not valid: unknown (or replaced by a
 * newer link) is `not_found`; used or expired is `conflict`, with a message that says which.
 */
export async function validInvite(
  data: AccountData,
  deps: Pick<SignInDeps, 'secrets' | 'clock'>,
  token: string,
): Promise<Credentials> {
  const invite = await data.findInvite(deps.secrets.hash(token));
  const found =
    invite?.purpose === 'invite' && invite.userId !== null
      ? await data.findCredentials({ id: invite.userId })
      : undefined;
  if (!invite || !found)
    throw new AppError('not_found', 'This invite link is unknown or was replaced by a newer one');
  const state = inviteState(invite, deps.clock.now());
  if (state === 'used' || found.passwordHash !== null)
    throw new AppError('conflict', 'This invite link was already used: sign in with your password', {
      details: { reason: 'used' },
    });
  if (state === 'expired')
    throw new AppError('conflict', 'This invite link has expired; ask an admin for a new one', {
      details: { reason: 'expired' },
    });
  return found;
}

/** Who an invite link is for, so the page can greet them before they choose a password. */
export async function viewInvite(
  deps: Pick<SignInDeps, 'accounts' | 'secrets' | 'clock'>,
  token: string,
): Promise<{ email: string; name: string; role: UserRole }> {
  const { user } = await validInvite(deps.accounts, deps, token);
  return { email: user.email, name: user.name, role: user.role };
}
