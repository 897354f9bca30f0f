/**
 * The suite's two sizes. `npm run test:chaos` runs the CI size (the whole suite on both databases in
 * under 10 minutes on a 2-core machine); `CHAOS_LONG=1 npm run test:chaos` runs the long size for local
 * soak runs (bigger loads, longer chaos, more fuzz cases).
 */
export const LONG = process.env['CHAOS_LONG'] === '1';

/**
 * CHAOS_TIME_FACTOR multiplies every deadline of the suite: how long a wait for a condition may take
 * before it fails, and the time limits HireBridge itself is given where a scenario depends on them not
 * running out (job leases, the shutdown grace period, a call in flight when a 429 arrives). The default,
 * 3, is chosen for a 2-core CI runner shared with other test servers (the deadlines themselves are what
 * an idle machine needs, with some room); raise it on a slower machine. A passing run never waits for a
 * deadline (waits end when their condition holds), so a larger factor only makes a failing run slower
 * to report. Durations that shape the load (how long the kill -9 chaos lasts) do not scale.
 */
export const TIME_FACTOR = timeFactor(process.env['CHAOS_TIME_FACTOR']);

function timeFactor(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3;
  const factor = Number(raw);
  if (!Number.isFinite(factor) || factor < 1)
    throw new Error(`CHAOS_TIME_FACTOR must be a number of 1 or more, not ${JSON.stringify(raw)}`);
  return factor;
}

/** A deadline of `ms` on an idle machine, scaled by CHAOS_TIME_FACTOR. */
export function scaled(ms: number): number {
  return Math.round(ms * TIME_FACTOR);
}

/** The same in whole seconds, for HireBridge's `*_SECONDS` settings. */
export function scaledSeconds(seconds: number): string {
  return String(Math.ceil(seconds * TIME_FACTOR));
}

export const sizes = {
  killChaos: LONG
    ? { hired: 500, active: 750, archived: 750, chaosMs: 180_000, killEveryMs: [1_000, 3_000] as const }
    : { hired: 100, active: 150, archived: 150, chaosMs: 30_000, killEveryMs: [1_000, 2_500] as const },
  /** Add member under worker SIGKILLs: members added (two destinations each) over the chaos window. */
  pushChaos: LONG
    ? { members: 150, chaosMs: 60_000, killEveryMs: [800, 2_500] as const, minKills: 12 }
    : { members: 24, chaosMs: 12_000, killEveryMs: [700, 1_800] as const, minKills: 4 },
  /** fast-check runs per property of the webhook fuzz, and the single-byte mutations. */
  fuzzRuns: LONG ? 5_000 : 600,
  mutations: LONG ? 50_000 : 10_000,
  faultHires: LONG ? 60 : 16,
} as const;
