import type { AttemptRule } from '../auth/login-limits.js';

/**
 * Sign-in attempt counts per key ('pair:<email>|<address group>', 'address:<group>', 'account:<email>'),
 * kept in the database so every server process sees the same counts and locks.
 */
export interface LoginThrottle {
  /**
   * Counts one attempt for `key` in a single atomic statement, unless the key is locked. Returns
   * undefined when the attempt may go on, or the end of the lock that refuses it.
   */
  claim(key: string, rule: AttemptRule, now: number): Promise<number | undefined>;
  clear(key: string): Promise<void>;
  /** Whether `accountKey` signed in successfully from `addressKey` at or after `since`. */
  isKnownAddress(accountKey: string, addressKey: string, since: number): Promise<boolean>;
  rememberAddress(accountKey: string, addressKey: string, now: number): Promise<void>;
}
