import { defineConfig } from 'vitest/config';
import { LONG, scaled } from './test/chaos/support/chaos-settings.js';

/**
 * `npm run test:chaos`: the reliability and security proof suite (test/chaos, README "Guarantees").
 * Kept out of `npm test`: its files are named *.chaos.ts, which vitest.config.ts does not include.
 * `CHAOS_LONG=1 npm run test:chaos` runs the long size for local soak runs. CHAOS_TIME_FACTOR scales every
 * deadline, these included; CHAOS_SEED replays a run (test/chaos/README.md).
 */
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.chaos.ts'],
    pool: 'forks',
    // One file at a time: each scenario starts several processes and some measure time (leases,
    // Retry-After), which a second scenario on the same two cores would only blur.
    fileParallelism: false,
    maxWorkers: 1,
    // CHAOS_LONG=1 (test/chaos/support/chaos-settings.ts) runs bigger loads for longer.
    testTimeout: scaled(LONG ? 1_800_000 : 300_000),
    hookTimeout: scaled(120_000),
    globalSetup: ['test/chaos/support/chaos-seed.ts', 'test/chaos/support/figures-summary.ts'],
  },
});
