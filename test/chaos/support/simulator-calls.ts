import type { AshbySimulator } from '../../../src/connectors/ashby/fake/simulator.js';
import { waitFor } from '../../support/wait-for.js';
import type { ChaosInstall } from './chaos-install.js';
import { pendingWork } from './queue-state.js';

/** Calls the simulator's Ashby API directly (outside HireBridge), e.g. to disable a webhook. */
export async function simCall<T>(
  sim: AshbySimulator,
  apiKey: string,
  endpoint: string,
  body: unknown,
): Promise<T> {
  const response = await fetch(`${sim.url}/${endpoint}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`,
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { success: boolean; results: T };
  if (!json.success) throw new Error(`${endpoint} failed: ${JSON.stringify(json)}`);
  return json.results;
}

/** Waits until Ashby has no delivery pending or waiting for a retry and HireBridge has no work left. */
export async function settle(sim: AshbySimulator, inst: ChaosInstall, timeoutMs: number): Promise<void> {
  await waitFor(
    'Ashby deliveries and HireBridge jobs to settle',
    async () => (await sim.idleWithin(10)) && (await pendingWork(inst.db)) === 0,
    timeoutMs,
    100,
  );
}
