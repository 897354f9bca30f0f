const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A session ends after this long without a request (sliding). */
export const SESSION_IDLE_MS = 12 * HOUR;
/** A session ends this long after sign-in, however active. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * HOUR;
/** `lastSeenAt` is written at most this often, so reads do not each cost a write. */
export const SESSION_TOUCH_MS = MINUTE;

/**
 * A signed-in browser. `idHash` is the SHA-256 of the cookie value: the value itself is never stored,
 * so a copy of the database cannot be replayed as a cookie. `csrfToken` is given to the page (never in a
 * cookie) and must come back in `X-CSRF-Token` on every state-changing request.
 */
export interface Session {
  readonly idHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  /** The absolute end: createdAt + SESSION_ABSOLUTE_MS. */
  readonly expiresAt: number;
}

/** Whether the session is still valid at `now`: not idle too long, not past its absolute end. */
export const sessionIsLive = (session: Session, now: number): boolean =>
  now < session.expiresAt && now - session.lastSeenAt < SESSION_IDLE_MS;
