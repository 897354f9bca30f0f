import { sql, type Kysely } from 'kysely';
import type { SharedRateLimits, SlotTake } from '../../core/ports/shared-rate-limits.js';
import type { Database } from '../tables/database.js';

/**
 * Shared outbound limits as one row per key, run as GCRA (the generic cell rate algorithm): a slot is
 * taken by one conditional UPDATE that moves the key's theoretical arrival time on by one interval, so
 * concurrent processes never both get the last slot and no lock is held between statements. A CASE
 * stands for max() because SQLite and PostgreSQL spell that function differently.
 */
export function sharedRateLimits(db: Kysely<Database>): SharedRateLimits {
  async function take(
    key: string,
    now: number,
    limit: { readonly intervalMs: number; readonly burst: number },
    created = false,
  ): Promise<SlotTake> {
    const tolerance = (Math.max(1, limit.burst) - 1) * limit.intervalMs;
    const arrival = sql<number>`(case when next_at > ${now} then next_at else ${now} end)`;
    const taken = await db
      .updateTable('rate_limits')
      .set({ next_at: sql`${arrival} + ${Math.ceil(limit.intervalMs)}` })
      .where('key', '=', key)
      .where('paused_until', '<=', now)
      .where(sql<boolean>`${arrival} - ${now} <= ${tolerance}`)
      .executeTakeFirst();
    if (taken.numUpdatedRows > 0n) return { ok: true };
    const row = await db
      .selectFrom('rate_limits')
      .select(['next_at', 'paused_until'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) {
      if (created) return { ok: true };
      await db
        .insertInto('rate_limits')
        .values({ key, next_at: now, paused_until: 0 })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      return take(key, now, limit, true);
    }
    const nextAt = Number(row.next_at);
    const pausedUntil = Number(row.paused_until);
    return {
      ok: false,
      retryAtMs: Math.max(pausedUntil, Math.max(nextAt, now) - tolerance),
      pausedUntil,
    };
  }

  return {
    take: (key, now, limit) => take(key, now, limit),
    pause: async (key, untilMs) => {
      await db
        .insertInto('rate_limits')
        .values({ key, next_at: 0, paused_until: untilMs })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            paused_until: sql`case when rate_limits.paused_until > excluded.paused_until
              then rate_limits.paused_until else excluded.paused_until end`,
          }),
        )
        .execute();
    },
  };
}
