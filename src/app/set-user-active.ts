import { AppError, notFound } from '../core/errors/app-error.js';
import type { User } from '../core/model/user.js';
import type { Actor } from './actor.js';
import type { SignInDeps } from './sign-in-deps.js';

/**
 * Deactivates a user (an admin's action): their sessions end and the API tokens they created are
 * revoked in the same transaction, so nothing of theirs works from the next request on. Their history
 * (audit, decisions) stays. The last active admin cannot be deactivated: nobody could manage users then.
 * Reactivating lets them sign in again with their password; revoked tokens stay revoked. A change is
 * audited in the same transaction.
 */
export async function setUserActive(
  deps: Pick<SignInDeps, 'accounts' | 'clock' | 'ids'>,
  input: { userId: string; active: boolean; actor: Actor },
): Promise<{ user: User; changed: boolean }> {
  return deps.accounts.transaction(async (data) => {
    const audit = () =>
      data.audit({
        id: deps.ids.newId(),
        at: deps.clock.now(),
        actor: input.actor,
        action: input.active ? 'user.reactivate' : 'user.deactivate',
        targetType: 'user',
        targetId: input.userId,
        details: {},
      });
    const found = await data.findCredentials({ id: input.userId });
    if (!found) throw notFound('User');
    const active = found.deactivatedAt === null;
    if (active === input.active) return { user: found.user, changed: false };
    if (input.active) {
      await data.setDeactivated(input.userId, null);
      await audit();
      return { user: found.user, changed: true };
    }
    if (found.user.role === 'admin' && (await data.otherSignedUpAdmins(input.userId)) === 0)
      throw new AppError(
        'conflict',
        'This is the last active admin; make another user admin before deactivating this one',
      );
    const now = deps.clock.now();
    await data.setDeactivated(input.userId, now);
    await data.deleteUserSessions(input.userId, undefined);
    await data.revokeUserApiTokens(input.userId, now);
    await audit();
    return { user: found.user, changed: true };
  });
}
