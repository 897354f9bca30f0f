/**
 * The suite's two sizes. `npm run test:chaos` runs the CI size (the whole suite on both databases in
 * under 10 minutes on a 2-core machine); `CHAOS_LONG=1 npm run test:chaos` runs the long size for local
 * soak runs (bigger loads, longer chaos, more fuzz cases).
 */
export const LONG = process.env['CHAOS_LONG'] === '1';

export const sizes = {
  killChaos: LONG
    ? { hired: 500, active: 750, archived: 750, chaosMs: 180_000, killEveryMs: [1_000, 3_000] as const }
    : { hired: 100, active: 150, archived: 150, chaosMs: 30_000, killEveryMs: [1_000, 2_500] as const },
  /** fast-check runs per property of the webhook fuzz, and the single-byte mutations. */
  fuzzRuns: LONG ? 5_000 : 600,
  mutations: LONG ? 50_000 : 10_000,
  faultHires: LONG ? 60 : 16,
} as const;
