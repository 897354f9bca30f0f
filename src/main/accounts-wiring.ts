import { acceptInvite } from '../app/accept-invite.js';
import { actorOf, type Actor } from '../app/actor.js';
import type { Role } from '../core/auth/role.js';
import { addUserAudited, createApiTokenAudited, revokeApiTokenAudited } from '../app/admin-actions.js';
import { authState } from '../app/auth-state.js';
import { authenticateToken } from '../app/authenticate-token.js';
import { changePassword } from '../app/change-password.js';
import { changeUserRole } from '../app/change-user-role.js';
import { completeSetup } from '../app/complete-setup.js';
import { createSetupLink } from '../app/create-setup-link.js';
import { inviteUser } from '../app/invite-user.js';
import { createResetLink, resetPassword, viewResetLink } from '../app/reset-password.js';
import { resumeSession } from '../app/resume-session.js';
import { setUserActive } from '../app/set-user-active.js';
import { signIn } from '../app/sign-in.js';
import type { SignInDeps } from '../app/sign-in-deps.js';
import { signOut } from '../app/sign-out.js';
import { viewInvite } from '../app/view-invite.js';
import { viewSetupLink } from '../app/view-setup-link.js';
import { accountStore } from '../db/stores/account-store.js';
import { apiTokenStore } from '../db/stores/api-token-store.js';
import { loginThrottle } from '../db/stores/login-throttle.js';
import { deactivatedUsers, userStore } from '../db/stores/user-store.js';
import type { AccountSecurityServices } from '../http/account-security-services.js';
import type { AuthServices } from '../http/auth-services.js';
import type { PeopleServices } from '../http/people-services.js';
import { argon2PasswordHasher } from '../security/password-hasher.js';
import { generateApiToken, hashApiToken } from '../security/api-token.js';
import { hashRandomSecret, newRandomSecret } from '../security/random-secret.js';
import type { PasswordHasher } from '../core/ports/password-hasher.js';
import type { Shared } from './shared.js';

/**
 * Accounts: sign-in (argon2id passwords, sessions, setup and invite links, the login throttle, all in
 * the database so several server processes agree), HireBridge users and API tokens.
 */
export function accountsWiring(
  { db, clock, ids, config, admin }: Shared,
  passwords: PasswordHasher = argon2PasswordHasher,
) {
  let dummyHash: Promise<string> | undefined;
  const deps: SignInDeps = {
    accounts: accountStore(db),
    throttle: loginThrottle(db),
    passwords,
    secrets: { generate: newRandomSecret, hash: hashRandomSecret },
    clock,
    ids,
    sessions: config.sessions,
    publicUrl: config.publicUrl,
    // Made once, on the first sign-in with an unknown email, from a password nobody knows.
    dummyHash: () => (dummyHash ??= argon2PasswordHasher.hash(newRandomSecret())),
  };
  const tokens = apiTokenStore(db, clock);
  const codec = { generate: generateApiToken, hash: hashApiToken };
  const users = userStore(db);

  const auth: AuthServices = {
    state: () => authState(deps),
    viewSetupLink: (token) => viewSetupLink(deps, token),
    setup: (i) => completeSetup(deps, i),
    login: (i) => signIn(deps, i),
    resume: (cookie) => resumeSession(deps, cookie),
    logout: (cookie) => signOut(deps, cookie),
    viewInvite: (token) => viewInvite(deps, token),
    acceptInvite: (i) => acceptInvite(deps, i),
    viewResetLink: (token) => viewResetLink(deps, token),
    resetPassword: (i) => resetPassword(deps, i),
  };

  const invite = async (userId: string, actor: string) => ({
    inviteUrl: (await inviteUser(deps, { userId, actor })).inviteUrl,
  });
  const people: Pick<PeopleServices, 'listUsers' | 'addUser' | 'inviteUser' | 'changeUserRole'> = {
    listUsers: () => users.list(),
    addUser: async ({ principal, ...i }) => {
      const user = await addUserAudited(admin, { ...i, actor: actorOf(principal) });
      return { ...user, ...(await invite(user.id, actorOf(principal))) };
    },
    inviteUser: ({ userId, principal }) => invite(userId, actorOf(principal)),
    changeUserRole: async ({ userId, role, principal }) =>
      (await changeUserRole(deps, { userId, role, actor: actorOf(principal) })).user,
  };

  const setActive = async (userId: string, active: boolean, actor: Actor) =>
    (await setUserActive(deps, { userId, active, actor })).user;
  const accountSecurity: AccountSecurityServices = {
    changePassword: ({ principal, ...i }) => changePassword(deps, { ...i, actor: actorOf(principal) }),
    createResetLink: ({ userId, principal }) => createResetLink(deps, { userId, actor: actorOf(principal) }),
    setUserActive: ({ userId, active, principal }) => setActive(userId, active, actorOf(principal)),
    deactivatedUsers: () => deactivatedUsers(db),
    listApiTokens: () => tokens.list(),
    createApiToken: ({ name, role, principal }) =>
      createApiTokenAudited(
        { ...admin, codec },
        { name, role, ...(principal.kind === 'user' ? { userId: principal.id } : {}) },
        actorOf(principal),
      ),
    revokeApiToken: ({ id, principal }) => revokeApiTokenAudited(admin, id, actorOf(principal)),
  };

  return {
    auth,
    people,
    accountSecurity,
    /** Deactivates or reactivates a user (the CLI's `users deactivate|reactivate`), audited. */
    setUserActive: setActive,
    revokeApiToken: (id: string, actor: Actor) => revokeApiTokenAudited(admin, id, actor),
    /** A password-reset link (the CLI's `users reset-link`), audited. */
    createResetLink: (userId: string, actor: Actor) => createResetLink(deps, { userId, actor }),
    users,
    tokens,
    authenticate: (authorization: string | undefined) => authenticateToken({ tokens, codec }, authorization),
    createApiToken: (input: { name: string; role: Role }, actor: Actor) =>
      createApiTokenAudited({ ...admin, codec }, input, actor),
    /** A fresh first-run setup link, or undefined once a user has a password. */
    createSetupLink: () => createSetupLink(deps),
  };
}
