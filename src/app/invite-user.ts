import type { Actor } from './actor.js';
import { INVITE_LINK_TTL_MS } from '../core/auth/invite.js';
import { AppError, notFound } from '../core/errors/app-error.js';
import type { SignInDeps } from './sign-in-deps.js';

/**
 * A new invite link for a user who has not signed up yet (an admin's action). Earlier unused links of
 * that user stop working, so only the newest one sent is valid.
 */
export async function inviteUser(
  deps: Pick<SignInDeps, 'accounts' | 'secrets' | 'clock' | 'ids' | 'publicUrl'>,
  input: { userId: string; actor: Actor },
): Promise<{ inviteUrl: string; expiresAt: number }> {
  const token = deps.secrets.generate();
  const now = deps.clock.now();
  const expiresAt = now + INVITE_LINK_TTL_MS;
  await deps.accounts.transaction(async (data) => {
    const found = await data.findCredentials({ id: input.userId });
    if (!found) throw notFound('User');
    if (found.passwordHash !== null)
      throw new AppError('conflict', 'This user has already signed up; they sign in with their password');
    await data.voidInvites('invite', input.userId);
    await data.insertInvite({
      tokenHash: deps.secrets.hash(token),
      purpose: 'invite',
      userId: input.userId,
      createdAt: now,
      expiresAt,
      usedAt: null,
    });
    await data.audit({
      id: deps.ids.newId(),
      at: now,
      actor: input.actor,
      action: 'user.invite',
      targetType: 'user',
      targetId: input.userId,
      details: { expiresAt: new Date(expiresAt).toISOString() },
    });
  });
  // The token travels in the fragment, which browsers never send: it cannot reach a request log.
  return { inviteUrl: `${deps.publicUrl}/invite#${token}`, expiresAt };
}
