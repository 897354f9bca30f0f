import { z } from 'zod';

/** The job kind the worker child process runs (kept apart so importing it starts nothing). */
export const childJob = {
  kind: 'test.child',
  payload: z.object({ n: z.number() }),
  maxAttempts: 5,
  backoff: { baseMs: 100, capMs: 1_000 },
};
