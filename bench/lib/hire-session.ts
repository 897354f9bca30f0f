import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallLogEntry } from '../../src/connectors/ashby/fake/call-log.js';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator, type AshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { waitFor } from '../../test/support/wait-for.js';
import { startHireBridge, type HireBridge, type ServerMode } from './hirebridge.js';

/** High-resolution wall clock (epoch ms with a fraction), shared by the simulator and the observer. */
export const preciseNow = () => performance.timeOrigin + performance.now();

export interface HireObservation {
  readonly applicationId: string;
  /** When sim.hire() was called: Ashby sends the webhooks right after. */
  readonly hireAt: number;
  /** When the first of the hire's import-triggering deliveries was answered 2xx, as Ashby saw it. */
  readonly ackAt: number;
  /** When GET /api/v1/new-hires first returned the new hire. */
  readonly readableAt: number;
  /** Every Ashby API call made because of this hire (until HireBridge had no import left to run). */
  readonly calls: readonly CallLogEntry[];
}

export interface HireSession {
  readonly sim: AshbySimulator;
  readonly hb: HireBridge;
  readonly connectionId: string;
  /** Hires the next not-yet-hired application in Ashby and follows it until it is readable and settled. */
  hireNext(): Promise<HireObservation>;
  dispose(): Promise<void>;
}

/**
 * The Ashby simulator (fixed latency per API call) and a fresh HireBridge process with its worker,
 * connected through the API, so Ashby creates its webhooks (candidateHire, applicationUpdate) and every
 * hire reaches HireBridge as real signed deliveries over loopback. Hires are made one at a time and
 * each is settled (no import waiting or running) before the next, so latency is measured unloaded and
 * every Ashby call between two hires belongs to the first.
 */
export async function startHireSession(options: {
  mode: ServerMode;
  latencyMs: number;
  applications: number;
  pollMs: number;
}): Promise<HireSession> {
  const sim = await startAshbySimulator({
    scenario: generateCompany({ seed: 5, hires: 2, active: options.applications + 5, archived: 2 }),
    knobs: { latencyMs: options.latencyMs },
    now: preciseNow,
  });
  let hb: HireBridge | undefined;
  try {
    // The client-side limit is raised: this session measures latency and calls, not rate limiting.
    hb = await startHireBridge({
      name: 'HireBridge (sqlite, with worker)',
      dialect: 'sqlite',
      mode: options.mode,
      env: { RUN_WORKER: 'true', ASHBY_REQUESTS_PER_MINUTE: '60000' },
    });
    const server = hb;
    const { connectionId } = await server.connect(sim.url, GENERATED_API_KEYS.full);
    const settle = async () => {
      await waitFor(
        'Ashby deliveries and HireBridge jobs to settle',
        async () => {
          if (!(await sim.idleWithin(0))) return false;
          const running = await server.api<{ items: unknown[] }>('/api/v1/jobs?state=running&limit=1');
          const waiting = await server.api<{ items: { lastError: string | null }[] }>(
            '/api/v1/jobs?state=available&kind=ashby.application.import&limit=1',
          );
          const failed = waiting.body.items.find((j) => j.lastError !== null);
          if (failed) throw new Error(`an import failed (it would be retried later): ${failed.lastError}`);
          return running.body.items.length === 0 && waiting.body.items.length === 0;
        },
        30_000,
        10,
      );
    };
    // Whatever connecting set off (the webhooks' pings, a first reconciliation) ends before counting.
    await sleep(500);
    await settle();
    sim.resetCounters();
    const pending = sim.applicationIds({ status: 'Active' });

    return {
      sim,
      hb: server,
      connectionId,
      hireNext: async () => {
        const applicationId = pending.shift();
        if (applicationId === undefined) throw new Error('no application left to hire');
        const firstCall = sim.calls.length;
        const hireAt = preciseNow();
        const { webhookActionId } = sim.hire(applicationId);
        let readableAt = 0;
        while (readableAt === 0) {
          const list = await server.api<{ items: { source: { applicationId: string } }[] }>(
            '/api/v1/new-hires?limit=3',
          );
          if (list.body.items.some((i) => i.source.applicationId === applicationId))
            readableAt = preciseNow();
          else if (preciseNow() - hireAt > 30_000)
            throw new Error(`hire ${applicationId} not readable after 30 s`);
          else await sleep(options.pollMs);
        }
        await settle();
        const acks = sim.deliveriesLog
          .filter((d) => d.webhookActionId === webhookActionId && d.outcome === 'delivered')
          .map((d) => d.time);
        if (acks.length === 0) throw new Error(`no delivery of hire ${applicationId} was acknowledged`);
        return {
          applicationId,
          hireAt,
          ackAt: Math.min(...acks),
          readableAt,
          calls: sim.calls.slice(firstCall),
        };
      },
      dispose: async () => {
        await sim.close();
        await server.dispose();
      },
    };
  } catch (err) {
    await sim.close();
    await hb?.dispose();
    throw err;
  }
}

export function countByEndpoint(calls: readonly CallLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of calls) counts[c.endpoint] = (counts[c.endpoint] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
