const MINUTE = 60_000;

/**
 * How long a session lasts: `idleMs` without a request (sliding), `absoluteMs` after sign-in however
 * active. Set by SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS; the defaults are 2 hours and 24 hours.
 */
export interface SessionLifetimes {
  readonly idleMs: number;
  readonly absoluteMs: number;
}
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
  /** The absolute end: createdAt + SessionLifetimes.absoluteMs. */
  readonly expiresAt: number;
}

/** Whether the session is still valid at `now`: not idle too long, not past its absolute end. */
export const sessionIsLive = (session: Session, now: number, idleMs: number): boolean =>
  now < session.expiresAt && now - session.lastSeenAt < idleMs;
