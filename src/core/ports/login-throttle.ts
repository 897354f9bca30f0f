import type { LoginLimit } from '../auth/login-limits.js';

/**
 * Failed sign-in counts per key ('account:<email>', 'address:<ip>'), kept in the database so every
 * server process sees the same counts and locks.
 */
export interface LoginThrottle {
  /** The latest lock end among `keys` that is still after `now`, or undefined when none is locked. */
  lockedUntil(keys: readonly string[], now: number): Promise<number | undefined>;
  /** Counts a failure (atomically); reaching `limit.failures` in the window locks the key for `limit.lockMs`. */
  recordFailure(key: string, limit: LoginLimit, now: number): Promise<void>;
  clear(key: string): Promise<void>;
}
