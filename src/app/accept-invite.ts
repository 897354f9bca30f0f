import { passwordProblem } from '../core/auth/password-policy.js';
import { AppError } from '../core/errors/app-error.js';
import { refuseProblems, userFieldProblems, type FieldProblem } from './add-user.js';
import { openSession } from './open-session.js';
import type { SignedIn, SignInDeps } from './sign-in-deps.js';
import { validInvite } from './view-invite.js';

/** An invited user sets their password (and may correct their name) and is signed in. */
export async function acceptInvite(
  deps: SignInDeps,
  input: { token: string; name?: string; password: string },
): Promise<SignedIn> {
  const name = input.name?.trim();
  const problems: FieldProblem[] = name === undefined ? [] : userFieldProblems({ name });
  const weak = passwordProblem(input.password);
  if (weak) problems.push({ field: 'password', message: weak });
  refuseProblems('invite acceptance', problems);
  // Checked before the slow hash, so a bad link costs no hashing; checked again when it is used.
  await validInvite(deps.accounts, deps, input.token);
  const passwordHash = await deps.passwords.hash(input.password);
  return deps.accounts.transaction(async (data) => {
    const { user } = await validInvite(data, deps, input.token);
    if (!(await data.useInvite(deps.secrets.hash(input.token), deps.clock.now())))
      throw new AppError('conflict', 'This invite link was already used: sign in with your password', {
        details: { reason: 'used' },
      });
    await data.updateUser(user.id, { passwordHash, ...(name === undefined ? {} : { name }) });
    return openSession(data, deps, { ...user, ...(name === undefined ? {} : { name }), signedUp: true });
  });
}
