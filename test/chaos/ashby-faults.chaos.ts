import { describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../src/connectors/ashby/fake/call-log.js';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { createChaosInstall } from './support/chaos-install.js';
import { scaled, sizes, TIME_FACTOR } from './support/chaos-settings.js';
import { applicationsWith } from './support/hire-deliveries.js';
import { hireFigures, hireLine, jobStates, newHiresByApplication } from './support/queue-state.js';
import { chaosScenarios } from './support/scenario-run.js';
import { settle } from './support/simulator-calls.js';

/**
 * Scenario 4, Ashby faults (reliability.md §6.3 R1, R3). Ashby answers 30% of calls with 5xx, leaves 5%
 * hanging, resets 3% of connections and answers 3% with 429 + Retry-After, first in seconds and then as
 * an HTTP date. Hires made in the simulator reach HireBridge through its real signed webhooks. Every hire
 * must arrive; no call may reach Ashby while a Retry-After forbids it; and all calls together may be at
 * most twice the calls the same hires need without faults (measured first, on the same server).
 */
/**
 * Calls reaching Ashby within this long after a 429 were already on their way: HireBridge, PostgreSQL and
 * the simulator share two loaded cores, so a call dispatched just before the 429 was read can arrive late
 * (250 ms on an idle machine, scaled by CHAOS_TIME_FACTOR). A client that ignored Retry-After would send
 * calls all through the rest of the window, which is why Retry-After scales with it: the window checked,
 * from the end of this allowance to the time Retry-After names, keeps the same share of the whole.
 */
const IN_FLIGHT_MS = scaled(250);
const FAULTS = {
  serverErrorProbability: 0.3,
  hangProbability: 0.05,
  dropProbability: 0.03,
  rateLimitProbability: 0.03,
  retryAfterSeconds: Math.ceil(TIME_FACTOR),
};

/**
 * Active applications kept back: hired one at a time at the end of the faults if no call has been
 * answered 429 yet. Fault draws are random (per CHAOS_SEED), and about 1 run in 100 would otherwise meet
 * no 429 at all and prove nothing about Retry-After.
 */
const RESERVE = 16;

const scenarios = chaosScenarios();

/** Calls made while a 429's Retry-After still forbade them (same API key, after the in-flight window). */
function retryAfterViolations(
  calls: readonly CallLogEntry[],
  allowedAt: (rateLimited: CallLogEntry) => number,
) {
  const violations: { after: CallLogEntry; call: CallLogEntry; earlyMs: number }[] = [];
  for (const limited of calls.filter((c) => c.status === 429)) {
    const until = allowedAt(limited);
    for (const call of calls) {
      if (call.key !== limited.key || call.time <= limited.time + IN_FLIGHT_MS || call.time >= until)
        continue;
      violations.push({ after: limited, call, earlyMs: until - call.time });
    }
  }
  return violations;
}

describe.each(TEST_DIALECTS)('Ashby faults on %s', (dialect) => {
  it('brings every hire in through 5xx, hangs, resets and 429s, honouring Retry-After, without a retry storm', async () => {
    const faultHires = sizes.faultHires;
    const run = scenarios.begin('ashby-faults', dialect);
    const sim = run.own(
      await startAshbySimulator({
        scenario: generateCompany({
          seed: run.seed('company'),
          hires: 2,
          active: faultHires + 6 + RESERVE,
          archived: 2,
        }),
        seed: run.seed('simulator'),
        timeScale: 0.001,
      }),
    );
    // HireBridge's own timeout on Ashby calls (1 s idle) decides when a hanging call is given up; on a
    // loaded machine an answered call must not look like a hang, or the retry count measures the machine.
    const inst = run.own(
      await createChaosInstall(dialect, { ASHBY_TIMEOUT_MS: String(scaled(1_000)), WORKER_CONCURRENCY: '4' }),
    );
    await inst.startServer({ RUN_WORKER: 'true' });
    const { connectionId } = await inst.connect(sim.url, GENERATED_API_KEYS.full);
    const [warmUp, ...toHire] = applicationsWith(sim, 'Active');
    const baseline = toHire.slice(0, 4);
    const faulted = toHire.slice(4, 4 + faultHires);
    const reserve = toHire.slice(4 + faultHires);

    // The minimum: calls per hire without faults, once the lookups every hire shares are cached.
    run.step('fault-free baseline');
    sim.hire(warmUp!);
    await settle(sim, inst, scaled(30_000));
    sim.resetCounters();
    for (const id of baseline) sim.hire(id);
    await settle(sim, inst, scaled(30_000));
    const callsPerHire = sim.stats().calls.total / baseline.length;

    // The faults, with Retry-After in seconds for the first half of the hires and as a date for the rest.
    run.step('faults, Retry-After in seconds');
    sim.resetCounters();
    sim.setKnobs({ ...FAULTS, retryAfterFormat: 'seconds' });
    const half = Math.ceil(faulted.length / 2);
    for (const id of faulted.slice(0, half)) sim.hire(id);
    await settle(sim, inst, scaled(120_000));
    const secondsPhase = [...sim.calls];
    const sentDeliveries = [...sim.deliveriesLog];
    sim.resetCounters();
    sim.setKnobs({ retryAfterFormat: 'http-date' });
    run.step('faults, Retry-After as a date');
    for (const id of faulted.slice(half)) sim.hire(id);
    await settle(sim, inst, scaled(120_000));
    const answered429 = () => [...secondsPhase, ...sim.calls].some((c) => c.status === 429);
    while (!answered429() && reserve.length > 0) {
      const id = reserve.shift()!;
      faulted.push(id);
      sim.hire(id);
      await settle(sim, inst, scaled(120_000));
    }
    const datePhase = [...sim.calls];
    sentDeliveries.push(...sim.deliveriesLog);
    sim.setKnobs({
      serverErrorProbability: 0,
      hangProbability: 0,
      dropProbability: 0,
      rateLimitProbability: 0,
    });

    const violations = [
      ...retryAfterViolations(secondsPhase, (c) => c.time + FAULTS.retryAfterSeconds * 1000),
      // The simulator writes new Date(t + s).toUTCString(): whole seconds, so the date may allow a bit sooner.
      ...retryAfterViolations(datePhase, (c) =>
        Date.parse(new Date(c.time + FAULTS.retryAfterSeconds * 1000).toUTCString()),
      ),
    ];
    const calls = [...secondsPhase, ...datePhase];
    const minimum = Math.round(callsPerHire * faulted.length);
    const faults = calls.filter((c) => c.fault !== null).length;
    const rateLimited = calls.filter((c) => c.status === 429).length;
    const hires = hireFigures(
      await newHiresByApplication(inst.db, connectionId),
      new Set([warmUp!, ...baseline, ...faulted]),
    );
    const states = await jobStates(inst.db);
    console.log(
      `Ashby faults [${dialect}]: ${calls.length} calls for ${faulted.length} hires (minimum ${minimum}, ${callsPerHire} per hire), ` +
        `${faults} faulted, ${rateLimited} answered 429, ${violations.length} calls before Retry-After allowed; jobs ${JSON.stringify(states)}`,
    );
    for (const v of violations.slice(0, 5)) {
      console.log(
        `  ${v.call.endpoint} (${v.call.status ?? v.call.fault}) reached Ashby ${v.call.time - v.after.time} ms after a 429 ` +
          `on ${v.after.endpoint}, ${v.earlyMs} ms before Retry-After allowed`,
      );
    }
    run.report({
      sent: sentDeliveries.filter((d) => d.attempt === 1 && !d.duplicate).length,
      acked: sentDeliveries.filter((d) => d.outcome === 'delivered').length,
      ...hireLine(hires),
    });

    expect(hires).toMatchObject({ duplicates: 0, unexpected: 0, lost: 0 });
    expect(rateLimited).toBeGreaterThan(0);
    expect(faults).toBeGreaterThan(calls.length * 0.2);
    expect(violations.length).toBe(0);
    expect(calls.length).toBeLessThanOrEqual(2 * minimum);
    expect(states['dead'] ?? 0).toBe(0);
  });
});
