import { addressGroup } from './address-group.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * How many sign-in attempts a key may make in a window before it is locked, and for how long. Attempts
 * are counted before the password is checked, so concurrent attempts cannot outrun the count.
 * `lockMs[i]` is the lock after attempt `lockFrom + i` of the window (the last one repeats), which gives
 * the account its progressive delays.
 */
export interface AttemptRule {
  readonly windowMs: number;
  readonly lockFrom: number;
  readonly lockMs: readonly number[];
}

/**
 * pair     one account (the email tried, known or not, so the answer does not tell which exist) from one
 *          address group: the lock a wrong password runs into; nobody else shares it.
 * address  one address group, whatever accounts it tries (against spraying many accounts).
 * account  every address together: progressive delays (1 s, 2 s, 4 s ... at most 5 minutes) once the
 *          account has had 10 attempts in a day, so many addresses together still guess slowly. Not
 *          applied from an address the account signed in from before (KNOWN_ADDRESS_MS), so nobody
 *          can lock the owner out of their own address.
 * A successful sign-in clears the pair and the account, not the address.
 */
export const LOGIN_LIMITS = {
  pair: { windowMs: 15 * MINUTE, lockFrom: 5, lockMs: [15 * MINUTE] },
  address: { windowMs: 15 * MINUTE, lockFrom: 30, lockMs: [15 * MINUTE] },
  account: {
    windowMs: 24 * HOUR,
    lockFrom: 10,
    lockMs: [1, 2, 4, 8, 16, 32, 64, 128, 256, 300].map((s) => s * SECOND),
  },
} as const satisfies Record<string, AttemptRule>;

/** How long a successful sign-in makes its address group "known" to the account. */
export const KNOWN_ADDRESS_MS = 90 * 24 * HOUR;

export const accountThrottleKey = (emailKey: string) => `account:${emailKey}`;
export const addressThrottleKey = (address: string) => `address:${addressGroup(address)}`;
export const pairThrottleKey = (emailKey: string, address: string) =>
  `pair:${emailKey}|${addressGroup(address)}`;
