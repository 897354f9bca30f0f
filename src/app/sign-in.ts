import { LOGIN_LIMITS, accountThrottleKey, addressThrottleKey } from '../core/auth/login-limits.js';
import { AppError } from '../core/errors/app-error.js';
import { emailKey } from '../core/model/user.js';
import { openSession } from './open-session.js';
import type { SignedIn, SignInDeps } from './sign-in-deps.js';

/** One answer for an unknown email, a user without a password and a wrong password. */
const WRONG = 'Email or password is wrong';

/**
 * Email and password sign-in. Refused while the account (the email tried) or the address is locked,
 * before the password is even checked, so a locked account cannot be guessed into; every failure
 * counts against both. Unknown emails cost the same hash verification as known ones.
 */
export async function signIn(
  deps: SignInDeps,
  input: { email: string; password: string; address: string },
): Promise<SignedIn> {
  const accountKey = accountThrottleKey(emailKey(input.email));
  const addressKey = addressThrottleKey(input.address);
  const now = deps.clock.now();
  const lockedUntil = await deps.throttle.lockedUntil([accountKey, addressKey], now);
  if (lockedUntil !== undefined) {
    const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil - now) / 1000));
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
      { retryAfterMs: retryAfterSeconds * 1000, details: { retryAfterSeconds } },
    );
  }
  const found = await deps.accounts.findCredentials({ email: input.email });
  const hash = found?.passwordHash ?? (await deps.dummyHash());
  const matches = await deps.passwords.verify(hash, input.password);
  if (!found?.passwordHash || !matches) {
    const at = deps.clock.now();
    await deps.throttle.recordFailure(accountKey, LOGIN_LIMITS.account, at);
    await deps.throttle.recordFailure(addressKey, LOGIN_LIMITS.address, at);
    throw new AppError('unauthorized', WRONG);
  }
  await deps.throttle.clear(accountKey);
  return deps.accounts.transaction((data) => openSession(data, deps, found.user));
}
