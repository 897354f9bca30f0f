import { sql, type Kysely } from 'kysely';
import type { Clock } from '../core/ports/clock.js';
import type { Database } from './tables/database.js';

/** A clock that follows the database server's time, re-measured now and then. */
export interface DatabaseClock extends Clock {
  /** Measures the offset once more; resolves when it is known (or kept, if the database is away). */
  sync(): Promise<void>;
  /** Stops the periodic re-measuring. */
  stop(): void;
}

/** How often the offset is measured again: host clocks drift slowly, and NTP steps are rare. */
const RESYNC_MS = 60_000;

/**
 * Time as the PostgreSQL server sees it, for leases and `run_at`. Several instances on several hosts
 * share one queue, and a host whose clock runs ahead would otherwise take back leases that are still
 * live (or run jobs early). Reading `clock_timestamp()` on every call would add a round trip to each
 * claim and heartbeat, so the offset from the local clock is measured (half the round trip is taken as
 * the one-way delay, as NTP does) and applied locally; it is measured again every minute.
 * Until the first measurement the local clock is used as it is: start-up awaits `sync()` first.
 */
export function databaseClock(db: Kysely<Database>, local: Clock): DatabaseClock {
  let offsetMs = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function measure(): Promise<void> {
    const before = local.now();
    const result = await sql<{ now_ms: string | number }>`
      select (extract(epoch from clock_timestamp()) * 1000)::float8 as now_ms`.execute(db);
    const after = local.now();
    const serverMs = Number(result.rows[0]?.now_ms);
    if (Number.isFinite(serverMs)) offsetMs = Math.round(serverMs - (before + after) / 2);
  }

  async function sync(): Promise<void> {
    try {
      await measure();
    } catch {
      // The database is away: keep the last offset; the next claim fails and retries anyway.
    }
    if (!timer) {
      timer = setInterval(() => void sync(), RESYNC_MS);
      timer.unref();
    }
  }

  return {
    now: () => local.now() + offsetMs,
    sync,
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
