import type { Kysely } from 'kysely';
import type { Logger } from '../core/ports/logger.js';
import type { Database } from '../db/tables/database.js';
import { jobsNotifier, listenForJobs, type JobsListener } from './engines/postgres-wakeups.js';

/** What a worker needs to be woken. */
interface Wakeable {
  wake(): void;
}

/**
 * How workers learn that jobs were queued. In one process, an enqueue wakes the local workers after its
 * commit. On PostgreSQL every process also LISTENs, and an enqueue NOTIFYs, so a job queued by a web
 * instance starts at once on a worker instance; polling becomes the fallback and slows to 2 s. SQLite is
 * one host's file with no notification channel, so its workers keep polling every 250 ms.
 */
export function workerWakeups(options: {
  readonly db: Kysely<Database>;
  readonly logger: Logger;
  /** Set on PostgreSQL: the listener's own connection. */
  readonly postgresUrl: string | undefined;
}) {
  const workers = new Set<Wakeable>();
  const wakeLocal = () => workers.forEach((w) => w.wake());
  const notify = options.postgresUrl === undefined ? undefined : jobsNotifier(options.db, options.logger);
  let listener: JobsListener | undefined;
  return {
    /** After a commit that queued jobs. */
    jobsQueued: () => {
      wakeLocal();
      notify?.();
    },
    /** Registers a worker of this process (and starts listening with the first one). */
    add: (worker: Wakeable) => {
      workers.add(worker);
      if (options.postgresUrl !== undefined && listener === undefined)
        listener = listenForJobs(options.postgresUrl, wakeLocal, options.logger);
    },
    pollIntervalMs: options.postgresUrl === undefined ? 250 : 2_000,
    /** Whether this process hears other processes' enqueues now (false on SQLite). */
    isListening: () => listener?.isListening() ?? false,
    close: async () => {
      await listener?.close();
    },
  };
}
