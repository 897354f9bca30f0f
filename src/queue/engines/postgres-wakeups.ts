import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Logger } from '../../core/ports/logger.js';
import type { Database } from '../../db/tables/database.js';

/** The channel every HireBridge process listens on; the payload is empty: "look for due jobs". */
const CHANNEL = 'hirebridge_jobs';

/**
 * Tells every process sharing this PostgreSQL that jobs were queued, so their workers claim at once
 * instead of at the next poll. Called after a commit, never awaited by the request: a burst of enqueues
 * sends one NOTIFY (later calls while one is in flight are folded into one more). A failed NOTIFY only
 * costs latency, because every worker still polls.
 */
export function jobsNotifier(db: Kysely<Database>, logger: Logger): () => void {
  let inFlight = false;
  let again = false;
  const send = (): void => {
    inFlight = true;
    again = false;
    sql`select pg_notify(${CHANNEL}, '')`
      .execute(db)
      .catch((err: unknown) => logger.debug({ err: String(err) }, 'job notification not sent; workers poll'))
      .finally(() => {
        inFlight = false;
        if (again) send();
      });
  };
  return () => {
    if (inFlight) again = true;
    else send();
  };
}

export interface JobsListener {
  /** Whether the LISTEN connection is up now (health and tests). */
  isListening(): boolean;
  close(): Promise<void>;
}

/**
 * LISTENs on one dedicated connection (a pooled one would be handed to queries and lose the LISTEN) and
 * calls `onWake` for each notification. A lost connection is opened again with a growing delay; in the
 * meantime workers fall back to polling, so nothing waits longer than a poll.
 */
export function listenForJobs(url: string, onWake: () => void, logger: Logger): JobsListener {
  let client: pg.Client | undefined;
  let closed = false;
  let delayMs = 500;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', () => onWake());
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      if (closed) return void (await next.end().catch(() => undefined));
      client = next;
      delayMs = 500;
      // Jobs may have been queued while we were not listening.
      onWake();
    } catch (err) {
      logger.warn({ err: String(err) }, 'could not listen for job notifications; polling meanwhile');
      reconnect(next);
    }
  };
  const reconnect = (failed: pg.Client): void => {
    if (closed || retry !== undefined || (client !== undefined && client !== failed)) return;
    client = undefined;
    failed.removeAllListeners('end');
    void failed.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delayMs);
    retry.unref();
    delayMs = Math.min(delayMs * 2, 30_000);
  };
  void connect();
  return {
    isListening: () => client !== undefined,
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => undefined);
      }
    },
  };
}
