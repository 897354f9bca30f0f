import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints off the event loop. better-sqlite3 is synchronous, and SQLite runs its automatic
 * checkpoint inside the commit that fills the WAL past `wal_autocheckpoint` pages: copying the WAL into
 * the database file and fsyncing it, on the main thread, while every other request waits (the intake's
 * p99 stalls, bench/). Here a worker thread with its own connection runs a PASSIVE checkpoint on a
 * timer: PASSIVE never waits for, nor blocks, the writer, and copies only what no reader still needs.
 * The automatic checkpoint stays as a backstop at a larger size (see create-database.ts), so the WAL
 * stays bounded should this thread fall behind or stop.
 *
 * The worker's code is a string (CommonJS, `eval: true`) so it runs the same from the build and from
 * source through tsx; better-sqlite3 is resolved here and handed over by path.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const run = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLITE_BUSY or a locked file: the next tick tries again; the autocheckpoint is the backstop.
  }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  run();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Runs a last checkpoint, closes the worker's connection and ends the thread. */
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, intervalMs: number): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, intervalMs, driver },
    // A small thread: it holds one connection and a timer.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  // Never what keeps the process alive, and a failure here must not take the server down.
  // (An error ends the thread; the autocheckpoint then does the work, as it did before this existed.)
  worker.unref();
  worker.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
