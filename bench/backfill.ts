import { setTimeout as sleep } from 'node:timers/promises';
import { GENERATED_API_KEYS, generateCompany } from '../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../src/connectors/ashby/fake/simulator.js';
import { waitFor } from '../test/support/wait-for.js';
import { preciseNow } from './lib/hire-session.js';
import { startHireBridge, type ServerMode } from './lib/hirebridge.js';
import { round } from './lib/percentiles.js';
import { readCpuMs, readMemory, startRssSampler } from './lib/proc-stats.js';

/**
 * Benchmark 4, backfill: `hirebridge ashby backfill --no-wait` over `hires` past hires, imported by the
 * server's worker, with the simulator enforcing a per-key limit of `limitPerMinute` calls in any rolling
 * 60 s (then 429 + Retry-After) and a fixed latency per call.
 *
 * HireBridge's own limit (ASHBY_REQUESTS_PER_MINUTE) is set to `safety` × the limit. Why not the limit
 * itself: its token bucket refills at rate r with a burst of b (20), so any 60 s window can hold
 * b + 60·r calls; at r = limit that is limit + 20, and the 21st call of the first full window meets a
 * 429. Staying under a rolling window needs 60·r ≤ limit − b, plus room for calls made by other
 * processes with the same key (the CLI's application.list pages, a reconciliation): 0.9 leaves 10%.
 *
 * Reported: hires/minute from the first Ashby call of the backfill to the last new hire stored, as a
 * fraction of the most the limit allows (limit ÷ the backfill's own Ashby calls per hire, i.e. the
 * fraction of the limit the backfill used), and the 429s met.
 */
export async function runBackfill(options: {
  mode: ServerMode;
  hires: number;
  limitPerMinute: number;
  safety: number;
  latencyMs: number;
}) {
  const clientLimit = Math.floor(options.limitPerMinute * options.safety);
  const sim = await startAshbySimulator({
    scenario: generateCompany({ seed: 11, hires: options.hires }),
    knobs: { latencyMs: options.latencyMs, rateLimitPerMinute: options.limitPerMinute },
    now: preciseNow,
  });
  const hb = await startHireBridge({
    name: 'HireBridge (sqlite, with worker, backfill)',
    dialect: 'sqlite',
    mode: options.mode,
    env: { RUN_WORKER: 'true', ASHBY_REQUESTS_PER_MINUTE: String(clientLimit) },
  }).catch(async (err: unknown) => {
    await sim.close();
    throw err;
  });
  try {
    const { connectionId } = await hb.connect(sim.url, GENERATED_API_KEYS.full);
    // Let what connecting set off (webhook pings, a first reconciliation) finish, then start clean.
    await sleep(1_000);
    await waitFor(
      'HireBridge to be idle after connecting',
      async () => {
        const running = await hb.api<{ items: unknown[] }>('/api/v1/jobs?state=running&limit=1');
        return running.body.items.length === 0;
      },
      60_000,
      50,
    );
    await sleep(1_000);
    // Idle memory of the default configuration (SQLite, worker in the process), connected, nothing to do.
    const idleRssMb = readMemory(hb.child.pid)?.rssMb;
    sim.resetCounters();
    const rss = startRssSampler(hb.child.pid);
    const cpuBefore = readCpuMs(hb.child.pid) ?? Number.NaN;

    const cli = await hb.cli(
      ['ashby', 'backfill', '--connection', connectionId, '--include-past', '--no-wait'],
      120_000,
    );
    if (cli.code !== 0) throw new Error(`backfill CLI failed (${cli.code}): ${cli.stderr.slice(-500)}`);
    const countHires = async () =>
      Number(
        (
          await hb.db
            .selectFrom('new_hires')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('connection_id', '=', connectionId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Bounded: at the client limit the run needs hires × calls/hire ÷ limit minutes; allow three times that.
    const boundMs = Math.max(60_000, ((options.hires * 5) / clientLimit) * 60_000 * 3);
    await waitFor(
      `${options.hires} new hires`,
      async () => (await countHires()) >= options.hires,
      boundMs,
      250,
    );
    const maxRssMb = rss.stop();
    const serverCpuMs = (readCpuMs(hb.child.pid) ?? Number.NaN) - cpuBefore;
    const last = await hb.db
      .selectFrom('new_hires')
      .select((eb) => eb.fn.max('created_at').as('t'))
      .where('connection_id', '=', connectionId)
      .executeTakeFirstOrThrow();

    // API calls only (what the per-key limit counts); document downloads are reported apart.
    const calls = sim.calls.filter((c) => c.endpoint !== 'file.download');
    const fileDownloads = sim.calls.length - calls.length;
    const first = calls[0]?.time ?? Number.NaN;
    const endMs = Number(last.t);
    const minutes = (endMs - first) / 60_000;
    const http429 = calls.filter((c) => c.status === 429).length;
    const accepted = calls.length - http429;
    const callsPerHire = accepted / options.hires;
    const hiresPerMinute = options.hires / minutes;
    const maxHiresPerMinute = options.limitPerMinute / callsPerHire;
    // The middle 80% of the calls, leaving out the start (CLI start, first poll) and the last imports.
    const okTimes = calls.filter((c) => c.status !== 429).map((c) => c.time);
    const t10 = okTimes[Math.floor(okTimes.length * 0.1)] ?? Number.NaN;
    const t90 = okTimes[Math.floor(okTimes.length * 0.9)] ?? Number.NaN;
    const steadyCallsPerMinute =
      (Math.floor(okTimes.length * 0.9) - Math.floor(okTimes.length * 0.1)) / ((t90 - t10) / 60_000);
    return {
      hires: options.hires,
      limitPerMinute: options.limitPerMinute,
      clientRequestsPerMinute: clientLimit,
      safetyFraction: options.safety,
      perCallLatencyMs: options.latencyMs,
      durationSec: round(minutes * 60, 1),
      hiresPerMinute: round(hiresPerMinute, 0),
      callsPerHire: round(callsPerHire, 3),
      maxHiresPerMinute: round(maxHiresPerMinute, 0),
      fractionOfLimit: round(hiresPerMinute / maxHiresPerMinute, 3),
      http429,
      callsTotal: calls.length,
      fileDownloads,
      steadyFractionOfLimit: round(steadyCallsPerMinute / options.limitPerMinute, 3),
      serverCpuMsPerHire: round(serverCpuMs / options.hires, 1),
      busiestMinuteCalls: busiestWindow(
        calls.filter((c) => c.status !== 429).map((c) => c.time),
        60_000,
      ),
      idleRssMb: round(idleRssMb ?? Number.NaN, 1),
      peakRssMb: round(Math.max(maxRssMb, readMemory(hb.child.pid)?.hwmMb ?? 0), 1),
    };
  } finally {
    await sim.close();
    await hb.dispose();
  }
}

/** The most events in any window of `windowMs` (the simulator's limit is on exactly this). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
