import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GENERATED_API_KEYS, generateCompany } from '../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../src/connectors/ashby/fake/simulator.js';
import { freePort } from '../test/support/free-port.js';
import { waitFor } from '../test/support/wait-for.js';
import { childEnv, spawnChild, type ManagedChild } from './lib/children.js';
import { REPO_ROOT, startHireBridge, type HireBridge, type ServerMode } from './lib/hirebridge.js';
import { closedLoop, openLoop, type LoadResult } from './lib/load-generator.js';
import { median, round } from './lib/percentiles.js';
import { readCpuMs, readMemory } from './lib/proc-stats.js';
import { candidateHireDeliveries } from './lib/signed-deliveries.js';

/**
 * Benchmark 1, intake: signed candidateHire deliveries over loopback to HireBridge on SQLite and on
 * PostgreSQL (RUN_WORKER=false, so only intake runs: verify, store the delivery, enqueue its import, one
 * transaction, then 200) and, in the same run, to a bare Fastify baseline. The three servers run side by
 * side and the closed-loop rounds interleave them, so a change in machine load hits all three alike;
 * each ratio is taken within a round and the median of the rounds is reported.
 */
export interface IntakeOptions {
  readonly mode: ServerMode;
  readonly rounds: number;
  readonly roundMs: number;
  readonly warmupMs: number;
  readonly concurrency: number;
  /** Open-loop rates (req/s) at which p50/p99 are measured, each for `openMs`. */
  readonly openRates: readonly number[];
  readonly openMs: number;
  /** How long the servers are left alone before their idle RSS is read. */
  readonly idleMs: number;
}

interface TargetRun {
  readonly name: 'baseline' | 'sqlite' | 'postgres';
  readonly pid: number;
  readonly delivery: ReturnType<typeof candidateHireDeliveries>;
  readonly hb?: HireBridge;
  readonly connectionId?: string;
  readonly closed: LoadResult[];
  readonly open: LoadResult[];
  serverCpuMs: number;
  closedCompleted: number;
  idleRssMb?: number | undefined;
}

export async function runIntake(options: IntakeOptions) {
  const t0 = Date.now();
  const progress = (what: string) =>
    process.stderr.write(`bench:   intake: ${what} at ${Math.round((Date.now() - t0) / 1000)} s\n`);
  const sim = await startAshbySimulator({ scenario: generateCompany({ seed: 3, hires: 2, active: 4 }) });
  const started: { stop(): Promise<void> }[] = [];
  try {
    // A real candidateHire payload (application + accepted offer) as the template for every delivery.
    const activeId = sim.applicationIds({ status: 'Active' })[0];
    if (activeId === undefined) throw new Error('the generated company has no active application');
    const template = sim.hire(activeId);

    const baselinePort = await freePort();
    const baseline: ManagedChild = spawnChild(
      process.execPath,
      // Plain node (Node 24 strips the types itself): no loader, like the built HireBridge.
      [path.join(REPO_ROOT, 'bench/baseline-server.ts')],
      {
        env: childEnv({ PORT: String(baselinePort) }),
        cwd: REPO_ROOT,
      },
    );
    started.push(baseline);
    const baselineUrl = `http://127.0.0.1:${baselinePort}`;
    await waitFor(
      'the baseline server',
      () =>
        fetch(`${baselineUrl}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      30_000,
      50,
    );

    const targets: TargetRun[] = [
      {
        name: 'baseline',
        pid: baseline.pid,
        delivery: candidateHireDeliveries(
          `${baselineUrl}/webhooks/ashby/baseline`,
          { application: { ...template.application }, offer: { ...template.offer } },
          undefined,
        ),
        closed: [],
        open: [],
        serverCpuMs: 0,
        closedCompleted: 0,
      },
    ];
    // Both HireBridge servers start at once (each migrates, makes a token, starts, connects).
    const servers = await Promise.allSettled(
      (['sqlite', 'postgres'] as const).map(async (dialect) => {
        const hb = await startHireBridge({
          name: `HireBridge (${dialect}, intake only)`,
          dialect,
          mode: options.mode,
          env: { RUN_WORKER: 'false' },
        });
        started.push({ stop: () => hb.dispose() });
        return { dialect, hb, ...(await hb.connect(sim.url, GENERATED_API_KEYS.full)) };
      }),
    );
    for (const server of servers) {
      if (server.status === 'rejected') throw server.reason;
      const { dialect, hb, connectionId, secretToken } = server.value;
      targets.push({
        name: dialect,
        pid: hb.child.pid,
        hb,
        connectionId,
        delivery: candidateHireDeliveries(
          `${hb.url}/webhooks/ashby/${connectionId}`,
          { application: { ...template.application }, offer: { ...template.offer } },
          secretToken,
        ),
        closed: [],
        open: [],
        serverCpuMs: 0,
        closedCompleted: 0,
      });
    }

    progress('servers up');
    // Idle memory: started, connected, and left alone for a moment.
    await sleep(options.idleMs);
    for (const t of targets) t.idleRssMb = readMemory(t.pid)?.rssMb;

    for (const t of targets)
      await closedLoop(t.delivery, {
        concurrency: options.concurrency,
        durationMs: options.warmupMs,
        maxRequests: 1_000_000,
      });

    for (let round = 0; round < options.rounds; round++) {
      // Rotate the order each round so no target always runs first (or right after the baseline).
      const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
      for (const t of order) {
        const cpuBefore = readCpuMs(t.pid) ?? Number.NaN;
        const result = await closedLoop(t.delivery, {
          concurrency: options.concurrency,
          durationMs: options.roundMs,
          maxRequests: 200_000,
        });
        t.serverCpuMs += (readCpuMs(t.pid) ?? Number.NaN) - cpuBefore;
        t.closedCompleted += result.latency.count;
        t.closed.push(result);
        await sleep(100);
      }
    }
    progress('closed-loop rounds done');
    for (const rate of options.openRates) {
      for (const t of targets) {
        t.open.push(await openLoop(t.delivery, { ratePerSec: rate, durationMs: options.openMs }));
        await sleep(300);
      }
    }

    progress('open loops done');
    const baselineRun = targets[0]!;
    const report: Record<string, unknown> = {
      settings: {
        concurrency: options.concurrency,
        rounds: options.rounds,
        roundSeconds: options.roundMs / 1000,
        openRatesPerSec: options.openRates,
        // p99 is reported at this rate in the headline table (the target).
        openRatePerSec: 500,
        openSeconds: options.openMs / 1000,
        bodyBytes: baselineRun.delivery.bodyBytes,
        server: options.mode,
      },
    };
    for (const t of targets) {
      const ratios = t.closed.map((r, i) => r.reqPerSec / (baselineRun.closed[i]?.reqPerSec ?? Number.NaN));
      const cpuUsPerReq = (t.serverCpuMs * 1000) / t.closedCompleted;
      const baselineCpuUsPerReq = (baselineRun.serverCpuMs * 1000) / baselineRun.closedCompleted;
      const stored =
        t.hb && t.connectionId
          ? await verifyStored(t.hb, t.connectionId, t.delivery.acknowledgedIds())
          : undefined;
      const at = (rate: number) => t.open.find((o) => o.targetRate === rate);
      const headline = at(500) ?? t.open[0];
      report[t.name] = {
        reqPerSec: round(median(t.closed.map((r) => r.reqPerSec)), 0),
        ...(t.name === 'baseline' ? {} : { ratioToBaseline: round(median(ratios), 3) }),
        // The target's p50/p99: open loop at a fixed rate, measured from the scheduled send time.
        p50Ms: headline?.latency.p50Ms,
        p99Ms: headline?.latency.p99Ms,
        closed: {
          reqPerSecPerRound: t.closed.map((r) => round(r.reqPerSec, 0)),
          ...(t.name === 'baseline' ? {} : { ratioPerRound: ratios.map((r) => round(r, 3)) }),
          p50Ms: round(median(t.closed.map((r) => r.latency.p50Ms))),
          p99Ms: round(median(t.closed.map((r) => r.latency.p99Ms))),
          errors: t.closed.reduce((n, r) => n + r.non2xx + r.transportErrors, 0),
          generatorCpuUsPerReq: round(median(t.closed.map((r) => r.generatorCpuUsPerReq)), 0),
        },
        open: Object.fromEntries(
          t.open.map((open) => [
            String(open.targetRate),
            {
              targetRatePerSec: open.targetRate,
              sent: open.sent,
              achievedReqPerSec: round(open.reqPerSec, 0),
              p50Ms: open.latency.p50Ms,
              p90Ms: open.latency.p90Ms,
              p99Ms: open.latency.p99Ms,
              maxMs: open.latency.maxMs,
              errors: open.non2xx + open.transportErrors,
              generatorSendLagP99Ms: open.sendLag?.p99Ms,
            },
          ]),
        ),
        serverCpuUsPerReq: round(cpuUsPerReq, 0),
        ...(t.name === 'baseline'
          ? {}
          : { cpuPerReqVsBaseline: round(cpuUsPerReq / baselineCpuUsPerReq, 2) }),
        idleRssMb: round(t.idleRssMb ?? Number.NaN, 1),
        peakRssMb: round(readMemory(t.pid)?.hwmMb ?? Number.NaN, 1),
        ...(stored ? { stored } : {}),
      };
    }
    return report;
  } finally {
    await Promise.all(started.map((s) => s.stop().catch(() => undefined)));
    await sim.close();
  }
}

/**
 * Every acknowledged delivery must be in the store: the ids answered 200 are looked up among the stored
 * rows of the connection (exactly, not just counted), and each stored delivery must have its import job.
 */
async function verifyStored(hb: HireBridge, connectionId: string, acknowledged: readonly string[]) {
  const rows = await hb.db
    .selectFrom('webhook_deliveries')
    .select('action_key')
    .where('connection_id', '=', connectionId)
    .execute();
  const stored = new Set(rows.map((r) => r.action_key));
  const missing = acknowledged.filter((id) => !stored.has(id)).length;
  const jobs = await hb.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'ashby.application.import')
    .executeTakeFirstOrThrow();
  return {
    acknowledged: acknowledged.length,
    rows: stored.size,
    importJobs: Number(jobs.n),
    missing,
    ok: missing === 0 && Number(jobs.n) >= acknowledged.length,
  };
}
