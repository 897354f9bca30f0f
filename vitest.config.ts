import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Separate processes: several suites start servers and child processes, and better-sqlite3 is
    // synchronous, so threads would share one event loop's stalls.
    pool: 'forks',
    // Two cores on CI machines: more parallel files only add contention to the timing-sensitive ones.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
