import type { Kysely } from 'kysely';
import { acceptInvite } from '../app/accept-invite.js';
import { actorOf, type Actor, type RecordAudit } from '../app/actor.js';
import { authState } from '../app/auth-state.js';
import { changeUserRole } from '../app/change-user-role.js';
import { completeSetup } from '../app/complete-setup.js';
import { createSetupLink } from '../app/create-setup-link.js';
import { inviteUser } from '../app/invite-user.js';
import { resumeSession } from '../app/resume-session.js';
import { signIn } from '../app/sign-in.js';
import { userPrincipal, type SignInDeps } from '../app/sign-in-deps.js';
import { signOut } from '../app/sign-out.js';
import { viewInvite } from '../app/view-invite.js';
import type { SessionLifetimes } from '../core/auth/session.js';
import type { User } from '../core/model/user.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { PasswordHasher } from '../core/ports/password-hasher.js';
import type { Database } from '../db/tables/database.js';
import type { AuthServices } from '../http/auth-services.js';
import { argon2PasswordHasher } from '../security/password-hasher.js';
import { hashRandomSecret, newRandomSecret } from '../security/random-secret.js';
import { accountStore } from './adapters/account-store.js';
import { loginThrottle } from './adapters/login-throttle.js';

/** The admin's side of accounts: invite links and roles, audited. */
export interface UserAccounts {
  inviteUser(userId: string, actor: Actor): Promise<{ inviteUrl: string }>;
  changeUserRole(userId: string, role: string, actor: Actor): Promise<User>;
}

/**
 * Sign-in (issue 7): passwords (argon2id), sessions, setup and invite links, the login throttle, all
 * kept in the database so several server processes agree. Kept out of container.ts like people-wiring.
 */
export function createSignInWiring(input: {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly publicUrl: string;
  readonly audit: RecordAudit;
  readonly passwords?: PasswordHasher;
  readonly sessions: SessionLifetimes;
}) {
  const { audit } = input;
  const passwords = input.passwords ?? argon2PasswordHasher;
  let dummyHash: Promise<string> | undefined;
  const deps: SignInDeps = {
    accounts: accountStore(input.db),
    throttle: loginThrottle(input.db),
    passwords,
    secrets: { generate: newRandomSecret, hash: hashRandomSecret },
    clock: input.clock,
    ids: input.ids,
    sessions: input.sessions,
    publicUrl: input.publicUrl,
    // Made once, on the first sign-in with an unknown email, from a password nobody knows.
    dummyHash: () => (dummyHash ??= argon2PasswordHasher.hash(newRandomSecret())),
  };

  const services: AuthServices = {
    state: () => authState(deps),
    setup: async (i) => {
      const signedIn = await completeSetup(deps, i);
      const actor = actorOf(userPrincipal(signedIn.user));
      await audit(actor, 'user.setup', 'user', signedIn.user.id, { role: 'admin' });
      return signedIn;
    },
    login: (i) => signIn(deps, i),
    resume: (cookie) => resumeSession(deps, cookie),
    logout: (cookie) => signOut(deps, cookie),
    viewInvite: (token) => viewInvite(deps, token),
    acceptInvite: (i) => acceptInvite(deps, i),
  };

  const accounts: UserAccounts = {
    inviteUser: async (userId, actor) => {
      const { inviteUrl, expiresAt } = await inviteUser(deps, { userId });
      await audit(actor, 'user.invite', 'user', userId, { expiresAt: new Date(expiresAt).toISOString() });
      return { inviteUrl };
    },
    changeUserRole: async (userId, role, actor) => {
      const { user, previousRole } = await changeUserRole(deps, { userId, role });
      if (previousRole !== user.role)
        await audit(actor, 'user.role', 'user', userId, { from: previousRole, to: user.role });
      return user;
    },
  };

  return {
    services,
    accounts,
    deps,
    /** A fresh first-run setup link, or undefined once a user has a password. */
    createSetupLink: () => createSetupLink(deps),
  };
}
