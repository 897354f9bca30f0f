import { passwordProblem } from '../core/auth/password-policy.js';
import { AppError, notFound } from '../core/errors/app-error.js';
import { refuseProblems } from './add-user.js';
import type { Actor } from './actor.js';
import type { SignInDeps } from './sign-in-deps.js';

/**
 * A signed-in user changes their own password. The current one is asked for (a session left open on a
 * shared machine must not be enough to take the account over), and every other session of theirs
 * ends at once, so whoever knew the old password is signed out everywhere. Audited in the same
 * transaction.
 */
export async function changePassword(
  deps: Pick<SignInDeps, 'accounts' | 'passwords' | 'secrets' | 'clock' | 'ids'>,
  input: {
    userId: string;
    currentPassword: string;
    newPassword: string;
    keepCookie: string | undefined;
    actor: Actor;
  },
): Promise<void> {
  const weak = passwordProblem(input.newPassword);
  refuseProblems('password change', weak ? [{ field: 'newPassword', message: weak }] : []);
  const found = await deps.accounts.findCredentials({ id: input.userId });
  if (!found?.passwordHash) throw notFound('User');
  if (!(await deps.passwords.verify(found.passwordHash, input.currentPassword)))
    throw new AppError('validation_failed', 'The current password is wrong', {
      details: { problems: [{ field: 'currentPassword', message: 'is wrong' }] },
    });
  const passwordHash = await deps.passwords.hash(input.newPassword);
  const keep = input.keepCookie === undefined ? undefined : deps.secrets.hash(input.keepCookie);
  await deps.accounts.transaction(async (data) => {
    await data.updateUser(input.userId, { passwordHash });
    await data.deleteUserSessions(input.userId, keep);
    await data.audit({
      id: deps.ids.newId(),
      at: deps.clock.now(),
      actor: input.actor,
      action: 'user.password.change',
      targetType: 'user',
      targetId: input.userId,
      details: {},
    });
  });
}
