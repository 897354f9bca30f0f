import { SESSION_TOUCH_MS, sessionIsLive } from '../core/auth/session.js';
import { userPrincipal, type ActiveSession, type SignInDeps } from './sign-in-deps.js';

/**
 * The live session of a cookie, or undefined (unknown, signed out, idle too long, past its absolute
 * end, or its user gone). The user and role are read now, so a role change applies at the next request.
 */
export async function resumeSession(
  deps: Pick<SignInDeps, 'accounts' | 'secrets' | 'clock' | 'sessions'>,
  cookie: string,
): Promise<ActiveSession | undefined> {
  const idHash = deps.secrets.hash(cookie);
  const session = await deps.accounts.findSession(idHash);
  if (!session) return undefined;
  const now = deps.clock.now();
  const credentials = sessionIsLive(session, now, deps.sessions.idleMs)
    ? await deps.accounts.findCredentials({ id: session.userId })
    : undefined;
  if (!credentials?.passwordHash || credentials.deactivatedAt !== null) {
    await deps.accounts.deleteSession(idHash);
    return undefined;
  }
  await deps.accounts.touchSession(idHash, now, SESSION_TOUCH_MS);
  return {
    principal: userPrincipal(credentials.user),
    user: credentials.user,
    csrfToken: session.csrfToken,
  };
}
