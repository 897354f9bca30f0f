import {
  KNOWN_ADDRESS_MS,
  LOGIN_LIMITS,
  accountThrottleKey,
  addressThrottleKey,
  pairThrottleKey,
  type AttemptRule,
} from '../core/auth/login-limits.js';
import { AppError } from '../core/errors/app-error.js';
import { emailKey } from '../core/model/user.js';
import { openSession } from './open-session.js';
import type { SignedIn, SignInDeps } from './sign-in-deps.js';

/** One answer for an unknown email, a user without a password, a deactivated user and a wrong password. */
const WRONG = 'Email or password is wrong';

/**
 * Email and password sign-in. Every attempt is counted (atomically, in the database) BEFORE the
 * password is checked, and refused while its (account, address) pair, its address or (from an address
 * the account never signed in from) the account is locked: concurrent attempts cannot outrun the count,
 * and a locked account cannot be guessed into. A success clears the pair's and the account's counts.
 * Unknown emails cost the same hash verification as known ones.
 */
export async function signIn(
  deps: SignInDeps,
  input: { email: string; password: string; address: string },
): Promise<SignedIn> {
  const email = emailKey(input.email);
  const accountKey = accountThrottleKey(email);
  const addressKey = addressThrottleKey(input.address);
  const pairKey = pairThrottleKey(email, input.address);
  const now = deps.clock.now();
  const known = await deps.throttle.isKnownAddress(accountKey, addressKey, now - KNOWN_ADDRESS_MS);
  const rules: [string, AttemptRule][] = [
    [pairKey, LOGIN_LIMITS.pair],
    [addressKey, LOGIN_LIMITS.address],
    ...(known ? [] : [[accountKey, LOGIN_LIMITS.account] as [string, AttemptRule]]),
  ];
  for (const [key, rule] of rules) {
    const lockedUntil = await deps.throttle.claim(key, rule, now);
    if (lockedUntil !== undefined) throw tooMany(lockedUntil - now);
  }
  const found = await deps.accounts.findCredentials({ email: input.email });
  const hash = found?.passwordHash ?? (await deps.dummyHash());
  const matches = await deps.passwords.verify(hash, input.password);
  if (!found?.passwordHash || !matches || found.deactivatedAt !== null) {
    throw new AppError('unauthorized', WRONG);
  }
  await deps.throttle.clear(pairKey);
  await deps.throttle.clear(accountKey);
  await deps.throttle.rememberAddress(accountKey, addressKey, deps.clock.now());
  return deps.accounts.transaction((data) => openSession(data, deps, found.user));
}

function tooMany(waitMs: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  const wait =
    retryAfterSeconds < 60
      ? `${retryAfterSeconds} second(s)`
      : `${Math.ceil(retryAfterSeconds / 60)} minute(s)`;
  return new AppError('rate_limited', `Too many sign-in attempts; try again in ${wait}`, {
    retryAfterMs: retryAfterSeconds * 1000,
    details: { retryAfterSeconds },
  });
}
