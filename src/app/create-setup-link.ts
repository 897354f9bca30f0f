import { SETUP_LINK_TTL_MS } from '../core/auth/invite.js';
import type { SignInDeps } from './sign-in-deps.js';

/**
 * A fresh first-run setup link (earlier unused ones stop working), or undefined when setup is done:
 * once any user has a password, new users come by invite only.
 */
export async function createSetupLink(
  deps: Pick<SignInDeps, 'accounts' | 'secrets' | 'clock' | 'publicUrl'>,
): Promise<string | undefined> {
  const token = deps.secrets.generate();
  const now = deps.clock.now();
  const created = await deps.accounts.transaction(async (data) => {
    if (await data.anySignedUp()) return false;
    await data.voidInvites('setup', null);
    await data.insertInvite({
      tokenHash: deps.secrets.hash(token),
      purpose: 'setup',
      userId: null,
      createdAt: now,
      expiresAt: now + SETUP_LINK_TTL_MS,
      usedAt: null,
    });
    return true;
  });
  // The token travels in the fragment, which browsers never send: it cannot reach a request log.
  return created ? `${deps.publicUrl}/setup#${token}` : undefined;
}
