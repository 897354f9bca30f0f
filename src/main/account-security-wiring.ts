import type { Kysely } from 'kysely';
import { actorOf, type Actor, type RecordAudit } from '../app/actor.js';
import { changePassword } from '../app/change-password.js';
import { createApiToken } from '../app/create-api-token.js';
import type { SignInDeps } from '../app/sign-in-deps.js';
import { setUserActive } from '../app/set-user-active.js';
import type { User } from '../core/model/user.js';
import type { ApiTokenStore, TokenCodec } from '../core/ports/api-token-store.js';
import { deactivatedUserRows } from '../db/repositories/user.repository.js';
import type { Database } from '../db/tables/database.js';
import type { AccountSecurityServices } from '../http/account-security-services.js';

/** Password change, deactivation and API tokens, each audited. */
export function createAccountSecurityWiring(input: {
  readonly db: Kysely<Database>;
  readonly signIn: SignInDeps;
  readonly tokens: ApiTokenStore;
  readonly codec: TokenCodec;
  readonly audit: RecordAudit;
}): AccountSecurityServices & {
  /** The same, for the CLI (actor `cli`). */
  readonly cli: {
    setUserActive(userId: string, active: boolean, actor: Actor): Promise<User>;
    revokeApiToken(id: string, actor: Actor): Promise<boolean>;
  };
} {
  const { signIn, tokens, codec, audit } = input;
  const setActive = async (userId: string, active: boolean, actor: Actor) => {
    const { user, changed } = await setUserActive(signIn, { userId, active });
    if (changed) await audit(actor, active ? 'user.reactivate' : 'user.deactivate', 'user', userId);
    return user;
  };
  const revoke = async (id: string, actor: Actor) => {
    const revoked = await tokens.revoke(id);
    if (revoked) await audit(actor, 'token.revoke', 'api_token', id);
    return revoked;
  };
  return {
    cli: { setUserActive: setActive, revokeApiToken: revoke },
    changePassword: async ({ principal, ...i }) => {
      await changePassword(signIn, i);
      await audit(actorOf(principal), 'user.password.change', 'user', i.userId);
    },
    setUserActive: ({ userId, active, principal }) => setActive(userId, active, actorOf(principal)),
    deactivatedUsers: async () =>
      new Map((await deactivatedUserRows(input.db)).map((r) => [r.id, Number(r.deactivated_at)])),
    listApiTokens: () => tokens.list(),
    createApiToken: async ({ name, role, principal }) => {
      const created = await createApiToken(
        { tokens, codec, clock: signIn.clock, ids: signIn.ids },
        { name, role, ...(principal.kind === 'user' ? { userId: principal.id } : {}) },
      );
      await audit(actorOf(principal), 'token.create', 'api_token', created.id, { role: created.role });
      return created;
    },
    revokeApiToken: ({ id, principal }) => revoke(id, actorOf(principal)),
  };
}
