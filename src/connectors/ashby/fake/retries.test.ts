import { afterEach, describe, expect, it } from 'vitest';
import { generateCompany } from './generator.js';
import { startAshbySimulator, type AshbySimulator } from './simulator.js';
import { httpCall, sleep, startReceiver, type Receiver } from './test-support.js';

const httpCallIgnoringErrors = (url: string) =>
  httpCall(url, {}, { key: 'k', timeoutMs: 120_000 }).catch(() => undefined);
import { MAX_ATTEMPTS, retryDelayMs } from './webhook-sender.js';

describe('Ashby simulator: webhook retry schedule', () => {
  let sim: AshbySimulator | undefined;
  const receivers: Receiver[] = [];
  afterEach(async () => {
    await sim?.close();
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  /** A simulator with one candidateHire webhook whose receiver answers `statuses` in turn (after the ping). */
  const setup = async (
    statuses: (number | 'hang')[],
    options: { timeScale?: number; webhookTimeoutMs?: number } = {},
  ) => {
    sim = await startAshbySimulator({
      scenario: generateCompany({ seed: 11, hires: 2, active: 2 }),
      timeScale: options.timeScale ?? 0.001,
      ...options,
    });
    const receiver = await startReceiver((hook, index) =>
      hook.body.action === 'ping' ? 200 : (statuses[index - 1] ?? statuses[statuses.length - 1] ?? 200),
    );
    receivers.push(receiver);
    const created = await sim.createWebhook({
      webhookType: 'candidateHire',
      requestUrl: receiver.url,
      secretToken: 'r',
    });
    expect(created.enabled).toBe(true);
    const applicationId = sim.applicationIds({ status: 'Active' })[0] ?? '';
    return { sim, receiver, applicationId };
  };

  it('computes (2^n − 1) × 10 s delays, scaled', () => {
    expect([1, 2, 3, 4, 9].map((n) => retryDelayMs(n, 1))).toEqual([
      10_000, 30_000, 70_000, 150_000, 5_110_000,
    ]);
    expect(retryDelayMs(2, 0.001)).toBe(30);
  });

  it('retries a 500 with scaled backoff until the receiver answers 2xx, keeping body and webhookActionId', async () => {
    const { sim: s, receiver, applicationId } = await setup([500, 503, 204]);
    const { webhookActionId } = s.hire(applicationId);
    await s.idle();
    const deliveries = receiver.received.slice(1);
    expect(deliveries).toHaveLength(3);
    expect(new Set(deliveries.map((d) => d.raw.toString('hex'))).size).toBe(1);
    expect(deliveries.every((d) => d.body.webhookActionId === webhookActionId)).toBe(true);
    const gaps = [deliveries[1]!.time - deliveries[0]!.time, deliveries[2]!.time - deliveries[1]!.time];
    expect(gaps[0]).toBeGreaterThanOrEqual(9); // 10 s × 0.001
    expect(gaps[1]).toBeGreaterThanOrEqual(29); // 30 s × 0.001
    const log = s.deliveriesLog.filter((d) => d.action === 'candidateHire');
    expect(log.map((d) => [d.attempt, d.status, d.outcome])).toEqual([
      [1, 500, 'will-retry'],
      [2, 503, 'will-retry'],
      [3, 204, 'delivered'],
    ]);
  });

  it.each([401, 403, 404, 405, 410])('never retries a %i', async (status) => {
    const { sim: s, receiver, applicationId } = await setup([status]);
    s.hire(applicationId);
    await s.idle();
    await sleep(40); // longer than the first scaled retry delay (10 ms)
    expect(receiver.received.slice(1)).toHaveLength(1);
    expect(s.deliveriesLog.filter((d) => d.action === 'candidateHire').map((d) => d.outcome)).toEqual([
      'failed',
    ]);
  });

  it('retries other 4xx (e.g. 429, 400)', async () => {
    const { sim: s, receiver, applicationId } = await setup([429, 400, 200]);
    s.hire(applicationId);
    await s.idle();
    expect(receiver.received.slice(1)).toHaveLength(3);
  });

  it(`stops after ${MAX_ATTEMPTS} attempts`, async () => {
    const { sim: s, receiver, applicationId } = await setup([500], { timeScale: 0.0001 });
    s.hire(applicationId);
    await s.idle();
    expect(receiver.received.slice(1)).toHaveLength(MAX_ATTEMPTS);
    expect(s.deliveriesLog.at(-1)).toMatchObject({ attempt: MAX_ATTEMPTS, outcome: 'failed' });
  });

  it('treats a receiver that does not answer in time as a failure and retries', async () => {
    const { sim: s, receiver, applicationId } = await setup(['hang', 200], { webhookTimeoutMs: 100 });
    s.hire(applicationId);
    await s.idle();
    expect(receiver.received.slice(1)).toHaveLength(2);
    const first = s.deliveriesLog.find((d) => d.action === 'candidateHire');
    expect(first).toMatchObject({ status: null, outcome: 'will-retry' });
    expect(first?.error).toContain('timed out');
  });

  it('close() cancels pending retries and resolves idle()', async () => {
    const { sim: s, receiver, applicationId } = await setup([500], { timeScale: 1 });
    s.hire(applicationId);
    await sleep(50);
    expect(receiver.received.slice(1)).toHaveLength(1);
    const idle = s.idle();
    await s.close();
    await idle;
    await sleep(30);
    expect(receiver.received.slice(1)).toHaveLength(1);
  });

  it('close() leaves no timers behind (pending retry and latency sleeps included)', async () => {
    const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timeouts();
    const { sim: s, applicationId } = await setup([500], { timeScale: 1 });
    s.setKnobs({ latencyMs: 60_000 });
    s.hire(applicationId);
    await sleep(50); // first attempt failed; a 10 s retry timer is now pending
    void httpCallIgnoringErrors(`${s.url}/apiKey.info`); // sits in the 60 s latency sleep
    await sleep(20);
    expect(timeouts()).toBeGreaterThan(before);
    await s.close();
    await sleep(20);
    expect(timeouts()).toBeLessThanOrEqual(before);
  });

  it('duplicate knob delivers the same body twice; shuffle knob still delivers everything', async () => {
    const { sim: s, receiver, applicationId } = await setup([200]);
    s.setKnobs({ duplicateDeliveryProbability: 1, shuffleFanOut: true });
    s.hire(applicationId);
    await s.idle();
    const deliveries = receiver.received.slice(1);
    expect(deliveries).toHaveLength(2);
    expect(deliveries[0]?.raw.equals(deliveries[1]?.raw ?? Buffer.alloc(0))).toBe(true);
    expect(s.deliveriesLog.filter((d) => d.duplicate)).toHaveLength(1);
  });
});
