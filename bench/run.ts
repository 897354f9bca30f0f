import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runAshbyCalls } from './ashby-calls.js';
import { runBackfill } from './backfill.js';
import { runHireLatency } from './hire-latency.js';
import { runIntake } from './intake.js';
import { runPushes } from './pushes.js';
import { runWorkers } from './workers.js';
import { killAllChildren, runToEnd } from './lib/children.js';
import { startHireSession } from './lib/hire-session.js';
import { REPO_ROOT, type ServerMode } from './lib/hirebridge.js';
import { round } from './lib/percentiles.js';
import { headlineRows, renderTable } from './lib/report.js';

/**
 * `npm run bench` (about 11 minutes) and `npm run bench -- --quick` (about 4 minutes, what CI runs to
 * keep it working). Runs each benchmark against real processes over loopback, prints a table of the
 * headline figures beside their targets, and writes every figure to bench/results/latest.json.
 * Figures are printed, not asserted: a missed target does not fail the run, a broken benchmark does.
 *
 *   --quick               smaller counts and shorter runs
 *   --server dist|tsx     run HireBridge from a fresh `npm run build` (the default: what `npm start`
 *                         runs, and what the figures are about) or from source through tsx (quicker to
 *                         start, but the loader adds CPU per request and about 60 MB of RSS)
 *   --only a,b            some of: intake, calls, latency, backfill, workers, pushes
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    server: { type: 'string' },
    only: { type: 'string' },
  },
  strict: true,
});
const quick = values.quick;
const only = new Set(
  (values.only ?? 'intake,calls,latency,backfill,workers,pushes').split(',').map((s) => s.trim()),
);
if (values.server !== undefined && values.server !== 'dist' && values.server !== 'tsx') {
  throw new Error('--server takes dist or tsx');
}

const plan = quick
  ? {
      intake: {
        rounds: 4,
        roundMs: 600,
        warmupMs: 500,
        concurrency: 16,
        openRates: [100, 500, 1_000],
        openMs: 1_500,
        idleMs: 1_000,
      },
      calls: { warmHires: 5 },
      latency: { hires: 20, latencyMs: 50, pollMs: 5 },
      backfill: { hires: 100, limitPerMinute: 3_600, safety: 0.9, latencyMs: 25 },
      workers: { hires: 60, latencyMs: 25 },
      pushes: {
        members: 4,
        limits: { hibob: 10, humaans: 30, peopleforce: 12, charthop: 12 },
        deadlineMs: 5 * 60_000,
      },
    }
  : {
      intake: {
        rounds: 15,
        roundMs: 1_000,
        warmupMs: 2_000,
        concurrency: 16,
        openRates: [100, 500, 1_000],
        openMs: 8_000,
        idleMs: 2_000,
      },
      calls: { warmHires: 20 },
      latency: { hires: 200, latencyMs: 50, pollMs: 5 },
      backfill: { hires: 2_000, limitPerMinute: 6_000, safety: 0.9, latencyMs: 25 },
      workers: { hires: 400, latencyMs: 25 },
      pushes: {
        members: 12,
        limits: { hibob: 10, humaans: 40, peopleforce: 15, charthop: 15 },
        deadlineMs: 12 * 60_000,
      },
    };

// Every child is killed however the run ends; a watchdog bounds the whole run.
process.on('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}
const watchdogMs = quick ? 9 * 60_000 : 25 * 60_000;
setTimeout(() => {
  process.stderr.write(`bench: still running after ${watchdogMs / 60_000} minutes; stopping\n`);
  killAllChildren();
  process.exit(1);
}, watchdogMs).unref();

const log = (text: string) => process.stderr.write(`bench: ${text}\n`);
const started = Date.now();

async function chooseServerMode(): Promise<{ mode: ServerMode; note: string }> {
  const wanted = (values.server as ServerMode | undefined) ?? 'dist';
  if (wanted === 'tsx')
    return { mode: 'tsx', note: 'from source through tsx (node --import tsx src/main/server.ts)' };
  log('building (npm run build)');
  const build = await runToEnd('npm', ['run', '-s', 'build'], {
    env: { ...process.env } as Record<string, string>,
    cwd: REPO_ROOT,
    timeoutMs: 180_000,
  });
  if (build.code !== 0) {
    log(
      `the build failed; measuring from source through tsx instead:\n${build.stdout.slice(-1500)}${build.stderr.slice(-500)}`,
    );
    return { mode: 'tsx', note: 'from source through tsx, because `npm run build` failed' };
  }
  return {
    mode: 'dist',
    note: 'the build (node --enable-source-maps --max-semi-space-size=8 dist/main/server.js, as npm start)',
  };
}

const results: Record<string, unknown> = {};
const failures: string[] = [];
async function step(name: string, run: () => Promise<void>) {
  const t0 = Date.now();
  log(`${name}...`);
  try {
    await run();
    log(`${name} done in ${Math.round((Date.now() - t0) / 1000)} s`);
  } catch (err) {
    failures.push(`${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    log(`${name} FAILED: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const { mode, note } = await chooseServerMode();
results['meta'] = {
  mode: quick ? 'quick' : 'full',
  startedAt: new Date(started).toISOString(),
  server: note,
  node: process.version,
  cpus: os.cpus().length,
  loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
  plan,
};

if (only.has('intake')) {
  await step('intake (baseline, SQLite, PostgreSQL)', async () => {
    results['intake'] = await runIntake({ mode, ...plan.intake });
  });
}
if (only.has('calls') || only.has('latency')) {
  await step('hires (Ashby calls per hire, then hire latency)', async () => {
    const session = await startHireSession({
      mode,
      latencyMs: plan.latency.latencyMs,
      applications:
        (only.has('calls') ? plan.calls.warmHires + 1 : 0) + (only.has('latency') ? plan.latency.hires : 0),
      pollMs: plan.latency.pollMs,
    });
    try {
      if (only.has('calls')) results['ashby'] = await runAshbyCalls(session, plan.calls);
      if (only.has('latency')) results['latency'] = await runHireLatency(session, plan.latency);
    } finally {
      await session.dispose();
    }
  });
}
if (only.has('backfill')) {
  await step('backfill', async () => {
    results['backfill'] = await runBackfill({ mode, ...plan.backfill });
  });
}

if (only.has('workers')) {
  await step('scale-out (1 and 2 worker processes on PostgreSQL)', async () => {
    results['workers'] = await runWorkers({ mode, ...plan.workers });
  });
}

if (only.has('pushes')) {
  await step('pushes (four HR systems at their rate limit)', async () => {
    results['pushes'] = await runPushes({ mode, ...plan.pushes });
  });
}

// Memory: RSS of the server processes, read from /proc/<pid>/status (VmRSS now, VmHWM the peak).
const intakePeaks = ['sqlite', 'postgres'].map(
  (d) =>
    (results['intake'] as Record<string, { peakRssMb?: number }> | undefined)?.[d]?.peakRssMb ?? Number.NaN,
);
const backfillResult = results['backfill'] as { idleRssMb?: number; peakRssMb?: number } | undefined;
const intakeSqlite = (results['intake'] as Record<string, { idleRssMb?: number }> | undefined)?.['sqlite'];
const peaks = [...intakePeaks, backfillResult?.peakRssMb ?? Number.NaN].filter(Number.isFinite);
results['memory'] = {
  // The default configuration (SQLite, worker in the process), connected and idle; else the intake server's.
  idleRssMb: backfillResult?.idleRssMb ?? intakeSqlite?.idleRssMb ?? null,
  idleRssMbIntakeOnly: intakeSqlite?.idleRssMb ?? null,
  peakRssMb: peaks.length > 0 ? Math.max(...peaks) : null,
  intakePeakRssMb: intakePeaks.some(Number.isFinite)
    ? Math.max(...intakePeaks.filter(Number.isFinite))
    : null,
  backfillPeakRssMb: backfillResult?.peakRssMb ?? null,
  source:
    '/proc/<pid>/status of the server process: VmRSS when idle, VmHWM (peak since start) after each load',
};

const rows = headlineRows(results, mode === 'tsx');
const elapsedSec = Math.round((Date.now() - started) / 1000);
(results['meta'] as Record<string, unknown>)['durationSec'] = elapsedSec;
results['targets'] = rows;
if (failures.length > 0) results['failures'] = failures;
const out = path.join(REPO_ROOT, 'bench/results/latest.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

process.stdout.write(
  `\nHireBridge benchmarks (${quick ? 'quick' : 'full'}, ${elapsedSec} s; server: ${note}; ${os.cpus().length} CPUs, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')})\n\n`,
);
process.stdout.write(`${renderTable(rows)}\n\nAll figures: ${path.relative(process.cwd(), out)}\n`);
if (failures.length > 0) {
  process.stderr.write(`\n${failures.length} benchmark(s) failed:\n${failures.join('\n')}\n`);
  process.exitCode = 1;
}
killAllChildren();
process.exit(process.exitCode ?? 0);
