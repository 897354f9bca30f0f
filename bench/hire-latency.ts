import { round, summarize } from './lib/percentiles.js';
import type { HireObservation, HireSession } from './lib/hire-session.js';

/**
 * Benchmark 2, hire latency: Ashby answers every API call after a fixed latency (one "round trip",
 * RTT); a hire is made in the simulator, Ashby delivers its webhooks, and we time from the webhook's
 * acknowledgement (the earliest 2xx answer to one of the hire's deliveries, observed by the simulator,
 * i.e. at Ashby's side, in the same process and clock as the observer) to the new hire being readable
 * through GET /api/v1/new-hires (polled every `pollMs`, so the figure is late by up to one poll
 * interval plus one poll's round trip). Hires are made one at a time on a warm session (run after the
 * calls benchmark), so this is the latency of one hire on an otherwise idle server.
 */
export async function runHireLatency(
  session: HireSession,
  options: { hires: number; latencyMs: number; pollMs: number },
) {
  const observed: HireObservation[] = [];
  for (let i = 0; i < options.hires; i++) observed.push(await session.hireNext());
  const fromAck = summarize(observed.map((h) => h.readableAt - h.ackAt));
  const fromHire = summarize(observed.map((h) => h.readableAt - h.hireAt));
  const deliveryAck = summarize(observed.map((h) => h.ackAt - h.hireAt));
  return {
    perCallLatencyMs: options.latencyMs,
    hires: observed.length,
    pollMs: options.pollMs,
    p50Ms: fromAck.p50Ms,
    p99Ms: fromAck.p99Ms,
    p50Rtts: round(fromAck.p50Ms / options.latencyMs, 2),
    p99Rtts: round(fromAck.p99Ms / options.latencyMs, 2),
    maxMs: fromAck.maxMs,
    // From the moment the hire was made in Ashby (adds the webhook's delivery and acknowledgement).
    fromHire: { p50Ms: fromHire.p50Ms, p99Ms: fromHire.p99Ms },
    webhookAckMs: { p50Ms: deliveryAck.p50Ms, p99Ms: deliveryAck.p99Ms },
    callsPerHire: round(observed.reduce((n, h) => n + h.calls.length, 0) / observed.length, 2),
  };
}
