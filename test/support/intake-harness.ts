import { startAshbySimulator, type AshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import type { PartialKnobs } from '../../src/connectors/ashby/fake/knobs.js';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from '../../src/connectors/ashby/fake/sample-fixture.js';
import type { Dialect } from '../../src/db/dialects/create-database.js';
import { startTestServer, type TestServer } from './test-server.js';
import { waitFor } from './wait-for.js';

export interface IntakeHarness {
  readonly sim: AshbySimulator;
  readonly server: TestServer;
  readonly admin: string;
  readonly connectionId: string;
  readonly secretToken: string;
  api<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; body: T }>;
  /** Waits until Ashby has no delivery pending and the queue has nothing waiting or running. */
  settle(timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The Ashby simulator (sample company, webhook retries 1000x faster) and a HireBridge with a worker,
 * connected through the real API with a key that may create webhooks, so hires in the simulator reach
 * HireBridge over real loopback HTTP.
 */
export async function startIntakeHarness(
  dialect: Dialect,
  options: {
    scenario?: unknown;
    knobs?: PartialKnobs;
    env?: Record<string, string>;
    key?: string;
    /** Runs after the server starts, before connecting; returns extra fields of the connect request. */
    beforeConnect?: (api: IntakeHarness['api']) => Promise<Record<string, unknown>>;
  } = {},
): Promise<IntakeHarness> {
  const sim = await startAshbySimulator({
    ...(options.scenario === undefined
      ? { scenarioFile: SAMPLE_COMPANY_PATH }
      : { scenario: options.scenario }),
    timeScale: 0.001,
    ...(options.knobs ? { knobs: options.knobs } : {}),
  });
  const server = await startTestServer(dialect, { ...INTAKE_SERVER_ENV, ...options.env });
  const admin = await server.token('admin');
  const api = bearerApi(server.url, admin);
  const extra = options.beforeConnect ? await options.beforeConnect(api) : {};
  const connected = await api<{ id: string; secretToken: string }>('/api/v1/connections/ashby', {
    method: 'POST',
    body: JSON.stringify({
      apiKey: options.key ?? SAMPLE_KEYS.full,
      apiUrl: sim.url,
      name: 'Sample',
      ...extra,
    }),
  });
  if (connected.status !== 201)
    throw new Error(`connect failed: ${connected.status} ${JSON.stringify(connected.body)}`);
  return {
    sim,
    server,
    admin,
    connectionId: connected.body.id,
    secretToken: connected.body.secretToken,
    api,
    settle: (timeoutMs) => settleSimulatorAndQueue(sim, server, timeoutMs),
    dispose: async () => {
      await sim.close();
      await server.dispose();
    },
  };
}

/**
 * A HireBridge that imports: a worker in the process, short leases, and a high client-side Ashby limit
 * (these tests are about correctness; the limiter has its own tests).
 */
export const INTAKE_SERVER_ENV: Readonly<Record<string, string>> = {
  RUN_WORKER: 'true',
  JOB_LEASE_SECONDS: '10',
  ASHBY_REQUESTS_PER_MINUTE: '60000',
};

/** JSON calls to a HireBridge with an API token; the body is parsed, or undefined when empty. */
export function bearerApi(baseUrl: string, token: string): IntakeHarness['api'] {
  return async <T>(path: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(init.headers ?? {}),
      },
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** How far ahead of this process the database clock may stand (db/database-clock.ts). */
const CLOCK_MARGIN_MS = 2_000;

/** Waits until Ashby has no delivery pending and HireBridge no job due or running. */
export async function settleSimulatorAndQueue(
  sim: AshbySimulator,
  server: TestServer,
  timeoutMs = 20_000,
): Promise<void> {
  await waitFor(
    'Ashby deliveries and HireBridge jobs to settle',
    async () => {
      if (!(await sim.idleWithin(10))) return false;
      // Due or running jobs only: recurring jobs (reconciliation) always wait for their next run.
      // On PostgreSQL the server's queue time is the database's clock, which may stand a little ahead
      // of this process's: a job queued "now" counts as due within that margin.
      const dueBy = Date.now() + CLOCK_MARGIN_MS;
      const busy = await server.container.database.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where((eb) =>
          eb.or([
            eb('state', '=', 'running'),
            eb.and([eb('state', '=', 'available'), eb('run_at', '<=', dueBy)]),
          ]),
        )
        .executeTakeFirst();
      return Number(busy?.count ?? 0) === 0;
    },
    timeoutMs,
    50,
  );
}
