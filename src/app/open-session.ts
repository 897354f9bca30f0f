import type { User } from '../core/model/user.js';
import type { AccountData } from '../core/ports/account-store.js';
import type { SignedIn, SignInDeps } from './sign-in-deps.js';

/** Starts a session for `user` (after sign-in, setup or an accepted invite), in the caller's transaction. */
export async function openSession(
  data: AccountData,
  deps: Pick<SignInDeps, 'secrets' | 'clock' | 'sessions'>,
  user: User,
): Promise<SignedIn> {
  const now = deps.clock.now();
  const cookie = deps.secrets.generate();
  const csrfToken = deps.secrets.generate();
  const expiresAt = now + deps.sessions.absoluteMs;
  // Ended sessions are useless; dropping them here keeps the table to live ones without a timer.
  await data.pruneSessions(now, deps.sessions.idleMs);
  await data.insertSession({
    idHash: deps.secrets.hash(cookie),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { user, cookie, csrfToken, expiresAt, maxAgeSeconds: deps.sessions.absoluteMs / 1000 };
}
