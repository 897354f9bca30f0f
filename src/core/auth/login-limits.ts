const MINUTE = 60_000;

/** How many failed sign-ins a key may have in a window before it is locked, and for how long. */
export interface LoginLimit {
  readonly failures: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

/**
 * Per account (the email tried, known or not, so the answer does not tell which exist) and per address
 * (request IP, against one address spraying many accounts). A successful sign-in clears the account's
 * count, not the address's.
 */
export const LOGIN_LIMITS = {
  account: { failures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  address: { failures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
} as const satisfies Record<string, LoginLimit>;

export const accountThrottleKey = (emailKey: string) => `account:${emailKey}`;
export const addressThrottleKey = (address: string) => `address:${address}`;
