import { actorOf } from './actor.js';
import { passwordProblem } from '../core/auth/password-policy.js';
import { AppError } from '../core/errors/app-error.js';
import type { User } from '../core/model/user.js';
import { refuseProblems, userFieldProblems, type FieldProblem } from './add-user.js';
import { openSession } from './open-session.js';
import { userPrincipal, type SignedIn, type SignInDeps } from './sign-in-deps.js';

const setupDone = () =>
  new AppError('conflict', 'Setup is already done: sign in, or ask an admin to invite you');

/**
 * Creates the first admin from the one-time setup link and signs them in. A user added earlier with the
 * same email (by the CLI) becomes that admin. The link is used in the same transaction as the user is
 * written, so it works once, even when two requests race.
 */
export async function completeSetup(
  deps: SignInDeps,
  input: { token: string; email: string; name: string; password: string },
): Promise<SignedIn> {
  const email = input.email.trim();
  const name = input.name.trim();
  const problems: FieldProblem[] = userFieldProblems({ email, name });
  const weak = passwordProblem(input.password);
  if (weak) problems.push({ field: 'password', message: weak });
  refuseProblems('setup', problems);
  if (await deps.accounts.anySignedUp()) throw setupDone();
  // Hashing is slow on purpose: done before the transaction, so it holds no lock meanwhile.
  const passwordHash = await deps.passwords.hash(input.password);
  const tokenHash = deps.secrets.hash(input.token);
  return deps.accounts.transaction(async (data) => {
    if (await data.anySignedUp()) throw setupDone();
    const invite = await data.findInvite(tokenHash);
    if (invite?.purpose !== 'setup' || !(await data.useInvite(tokenHash, deps.clock.now()))) {
      throw new AppError(
        'unauthorized',
        'The setup link is wrong, already used or expired; restart HireBridge or run "hirebridge users setup-link" for a new one',
      );
    }
    const existing = await data.findCredentials({ email });
    let user: User;
    if (existing) {
      await data.updateUser(existing.user.id, { name, role: 'admin', passwordHash });
      user = { ...existing.user, name, role: 'admin', signedUp: true };
    } else {
      user = {
        id: deps.ids.newId(),
        email,
        name,
        role: 'admin',
        createdAt: deps.clock.now(),
        createdBy: 'setup',
        signedUp: true,
      };
      await data.insertUser(user, passwordHash);
    }
    await data.audit({
      id: deps.ids.newId(),
      at: deps.clock.now(),
      actor: actorOf(userPrincipal(user)),
      action: 'user.setup',
      targetType: 'user',
      targetId: user.id,
      details: { role: 'admin' },
    });
    return openSession(data, deps, user);
  });
}
