import type { Kysely } from 'kysely';
import type { LoginThrottle } from '../../core/ports/login-throttle.js';
import {
  countThrottleFailure,
  deleteStaleThrottleRows,
  deleteThrottleKey,
  latestLockEnd,
  lockThrottleKey,
} from '../repositories/login-throttle.repository.js';
import type { Database } from '../tables/database.js';

const DAY = 24 * 3_600_000;

export function loginThrottle(db: Kysely<Database>): LoginThrottle {
  return {
    lockedUntil: (keys, now) => latestLockEnd(db, keys, now),
    recordFailure: async (key, limit, now) => {
      const failures = await countThrottleFailure(db, key, now, limit.windowMs);
      if (failures >= limit.failures) await lockThrottleKey(db, key, now + limit.lockMs);
      // Counts for emails nobody has would otherwise pile up; a day-old window matters to no limit.
      await deleteStaleThrottleRows(db, now - DAY);
    },
    clear: (key) => deleteThrottleKey(db, key),
  };
}
