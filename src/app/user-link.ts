import type { Invite } from '../core/auth/invite.js';
import { notFound } from '../core/errors/app-error.js';
import type { Credentials } from '../core/ports/account-store.js';
import type { Actor } from './actor.js';
import type { SignInDeps } from './sign-in-deps.js';

/**
 * Issues a single-use link for one user (an invite or a password reset): only the token's hash is
 * stored, earlier unused links of the same purpose stop working, and the audit entry commits with it.
 * `check` refuses users the link is not for (signed up already, deactivated...). The token is returned
 * for the URL's fragment, which browsers never send, so it cannot reach a request log.
 */
export async function issueUserLink(
  deps: Pick<SignInDeps, 'accounts' | 'secrets' | 'clock' | 'ids'>,
  input: {
    readonly userId: string;
    readonly actor: Actor;
    readonly purpose: Invite['purpose'];
    readonly ttlMs: number;
    readonly action: string;
    readonly check: (user: Credentials) => void;
  },
): Promise<{ token: string; expiresAt: number }> {
  const token = deps.secrets.generate();
  const now = deps.clock.now();
  const expiresAt = now + input.ttlMs;
  await deps.accounts.transaction(async (data) => {
    const found = await data.findCredentials({ id: input.userId });
    if (!found) throw notFound('User');
    input.check(found);
    await data.voidInvites(input.purpose, input.userId);
    await data.insertInvite({
      tokenHash: deps.secrets.hash(token),
      purpose: input.purpose,
      userId: input.userId,
      createdAt: now,
      expiresAt,
      usedAt: null,
    });
    await data.audit({
      id: deps.ids.newId(),
      at: now,
      actor: input.actor,
      action: input.action,
      targetType: 'user',
      targetId: input.userId,
      details: { expiresAt: new Date(expiresAt).toISOString() },
    });
  });
  return { token, expiresAt };
}
