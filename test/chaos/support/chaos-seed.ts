import { randomInt } from 'node:crypto';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's seed (CHAOS_SEED, or a fresh one), from which every scenario derives its own. */
    chaosSeed: number;
  }
}

/**
 * Global setup of `npm run test:chaos`: one seed for the whole run, CHAOS_SEED when it is set (to replay
 * a failed run) and otherwise a fresh one, so that successive runs cover different companies, shuffles,
 * kill moments and fuzz cases. It is printed at the start and in every failure report.
 */
export default function setup(project: TestProject): void {
  const seed = chaosSeed(process.env['CHAOS_SEED']);
  project.provide('chaosSeed', seed);
  process.stdout.write(`chaos seed ${seed} (replay this run with CHAOS_SEED=${seed} npm run test:chaos)\n`);
}

function chaosSeed(raw: string | undefined): number {
  if (raw === undefined || raw === '') return randomInt(1, 2 ** 31);
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`CHAOS_SEED must be a whole number of 0 or more, not ${JSON.stringify(raw)}`);
  return seed;
}
