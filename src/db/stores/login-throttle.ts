import type { Kysely } from 'kysely';
import type { LoginThrottle } from '../../core/ports/login-throttle.js';
import {
  claimThrottleAttempt,
  deleteStaleThrottleRows,
  deleteThrottleKey,
  knownAddressSince,
  lockEnd,
  upsertKnownAddress,
} from '../repositories/login-throttle.repository.js';
import type { Database } from '../tables/database.js';

const DAY = 24 * 3_600_000;

export function loginThrottle(db: Kysely<Database>): LoginThrottle {
  return {
    claim: async (key, rule, now) => {
      // Counts for emails nobody has would otherwise pile up; a two-day-old window matters to no rule.
      await deleteStaleThrottleRows(db, now - 2 * DAY);
      if (await claimThrottleAttempt(db, key, now, rule)) return undefined;
      // Refused: the lock's end, for Retry-After (read apart; it only shapes the message).
      return (await lockEnd(db, key)) ?? now + 1000;
    },
    clear: (key) => deleteThrottleKey(db, key),
    isKnownAddress: (accountKey, addressKey, since) => knownAddressSince(db, accountKey, addressKey, since),
    rememberAddress: (accountKey, addressKey, now) => upsertKnownAddress(db, accountKey, addressKey, now),
  };
}
