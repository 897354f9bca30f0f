import type { UserPrincipal } from '../core/auth/role.js';
import type { SessionLifetimes } from '../core/auth/session.js';
import type { User } from '../core/model/user.js';
import type { AccountStore } from '../core/ports/account-store.js';
import type { TokenCodec } from '../core/ports/api-token-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { LoginThrottle } from '../core/ports/login-throttle.js';
import type { PasswordHasher } from '../core/ports/password-hasher.js';

/** What the sign-in use cases need. */
export interface SignInDeps {
  readonly accounts: AccountStore;
  readonly throttle: LoginThrottle;
  readonly passwords: PasswordHasher;
  /** Random secrets (session cookies, CSRF tokens, link tokens) and their stored SHA-256. */
  readonly secrets: TokenCodec;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Idle and absolute session limits (configurable). */
  readonly sessions: SessionLifetimes;
  /** Base of setup and invite links (PUBLIC_URL). */
  readonly publicUrl: string;
  /**
   * The hash of a password nobody has: unknown emails are verified against it, so they take as long
   * to refuse as a wrong password does and the timing does not tell which emails have accounts.
   */
  readonly dummyHash: () => Promise<string>;
}

/** A new session: `cookie` goes to the browser as the session cookie, `csrfToken` to the page. */
export interface SignedIn {
  readonly user: User;
  readonly cookie: string;
  readonly csrfToken: string;
  readonly expiresAt: number;
  /** How long the browser keeps the cookie: the session's absolute limit. */
  readonly maxAgeSeconds: number;
}

/** A live session, resolved from its cookie. */
export interface ActiveSession {
  readonly principal: UserPrincipal;
  readonly user: User;
  readonly csrfToken: string;
}

export const userPrincipal = (user: User): UserPrincipal => ({
  kind: 'user',
  id: user.id,
  name: user.name,
  role: user.role,
});
