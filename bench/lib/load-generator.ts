import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarize, type LatencySummary } from './percentiles.js';

/**
 * A small HTTP load generator on node:http. Why not autocannon: no dependency may be added to this
 * project, and what we need is small: keep-alive POSTs of bodies built per request (each delivery has
 * its own webhookActionId and signature), in two modes.
 *
 * - Closed loop (`closedLoop`): `concurrency` virtual users, each with its own keep-alive socket, send
 *   a request, wait for the whole response, send the next. It finds the maximum requests/s. Latency is
 *   measured per request from just before `http.request()` to the response's last byte
 *   (performance.now(), monotonic, sub-millisecond).
 * - Open loop (`openLoop`): requests are *scheduled* at a fixed rate (request i at start + i/rate),
 *   whatever the server does. Latency is measured from the scheduled send time, not the actual one,
 *   so when the server (or this generator) stalls, the requests that should have gone out meanwhile
 *   count their waiting time too. This is the correction for coordinated omission (Gil Tene; wrk2 does
 *   the same): a closed loop would simply send fewer requests during a stall and hide it.
 *
 * Both are bounded by a duration and a request count; every request has a timeout.
 */
export interface RequestSpec {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

export interface LoadTarget {
  /** e.g. http://127.0.0.1:3000/webhooks/ashby/<id> */
  readonly url: string;
  /** Builds request number `i` (numbers are unique across every run against this target). */
  next(): { readonly index: number; readonly spec: RequestSpec };
  /** Told the outcome of request `index`: HTTP status, or 0 for a transport error or timeout. */
  onOutcome(index: number, status: number): void;
}

export interface LoadResult {
  readonly mode: 'closed' | 'open';
  readonly sent: number;
  /** Answered 2xx. */
  readonly ok: number;
  readonly non2xx: number;
  readonly transportErrors: number;
  readonly elapsedMs: number;
  /** Completed requests (any answer) per second of the run. */
  readonly reqPerSec: number;
  readonly latency: LatencySummary;
  /** Open loop only: how late this generator itself sent requests (its own lag is inside latency too). */
  readonly sendLag?: LatencySummary;
  readonly concurrency?: number;
  readonly targetRate?: number;
  /** CPU this generator process used per completed request (µs), to show it was not the bottleneck. */
  readonly generatorCpuUsPerReq: number;
}

const REQUEST_TIMEOUT_MS = 10_000;

function sendOne(agent: http.Agent, url: URL, spec: RequestSpec): Promise<number> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: number) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(status);
    };
    const req = http.request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...spec.headers, 'content-length': String(spec.body.length) },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.on('data', () => undefined);
        res.on('end', () => finish(status));
        res.on('error', () => finish(0));
      },
    );
    const timer = setTimeout(() => req.destroy(new Error('timeout')), REQUEST_TIMEOUT_MS);
    req.on('error', () => finish(0));
    req.end(spec.body);
  });
}

function tally(
  target: LoadTarget,
  index: number,
  status: number,
  counts: { ok: number; non2xx: number; transport: number },
) {
  target.onOutcome(index, status);
  if (status >= 200 && status < 300) counts.ok += 1;
  else if (status === 0) counts.transport += 1;
  else counts.non2xx += 1;
}

function cpuUsPerReq(before: NodeJS.CpuUsage, completed: number): number {
  const used = process.cpuUsage(before);
  return completed === 0 ? 0 : Math.round((used.user + used.system) / completed);
}

export async function closedLoop(
  target: LoadTarget,
  options: { concurrency: number; durationMs: number; maxRequests: number },
): Promise<LoadResult> {
  const url = new URL(target.url);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
    maxFreeSockets: options.concurrency,
  });
  const latencies: number[] = [];
  const counts = { ok: 0, non2xx: 0, transport: 0 };
  let sent = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const deadline = start + options.durationMs;
  const user = async () => {
    while (performance.now() < deadline && sent < options.maxRequests) {
      sent += 1;
      const { index, spec } = target.next();
      const t0 = performance.now();
      const status = await sendOne(agent, url, spec);
      latencies.push(performance.now() - t0);
      tally(target, index, status, counts);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, user));
  const elapsedMs = performance.now() - start;
  agent.destroy();
  return {
    mode: 'closed',
    sent,
    ok: counts.ok,
    non2xx: counts.non2xx,
    transportErrors: counts.transport,
    elapsedMs,
    reqPerSec: (latencies.length * 1000) / elapsedMs,
    latency: summarize(latencies),
    concurrency: options.concurrency,
    generatorCpuUsPerReq: cpuUsPerReq(cpu, latencies.length),
  };
}

export async function openLoop(
  target: LoadTarget,
  options: { ratePerSec: number; durationMs: number; maxSockets?: number },
): Promise<LoadResult> {
  const url = new URL(target.url);
  const maxSockets = options.maxSockets ?? 256;
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const total = Math.floor((options.ratePerSec * options.durationMs) / 1000);
  const intervalMs = 1000 / options.ratePerSec;
  const latencies: number[] = [];
  const lags: number[] = [];
  const counts = { ok: 0, non2xx: 0, transport: 0 };
  const inFlight: Promise<void>[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && start + i * intervalMs <= now) {
        const scheduled = start + i * intervalMs;
        lags.push(now - scheduled);
        const { index, spec } = target.next();
        inFlight.push(
          sendOne(agent, url, spec).then((status) => {
            // From the scheduled time: a late send (our lag or a stall) counts against the server.
            latencies.push(performance.now() - scheduled);
            tally(target, index, status, counts);
          }),
        );
        i += 1;
      }
      if (i >= total) return resolve();
      setTimeout(tick, Math.max(0, start + i * intervalMs - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  const elapsedMs = performance.now() - start;
  agent.destroy();
  return {
    mode: 'open',
    sent: i,
    ok: counts.ok,
    non2xx: counts.non2xx,
    transportErrors: counts.transport,
    elapsedMs,
    reqPerSec: (latencies.length * 1000) / elapsedMs,
    latency: summarize(latencies),
    sendLag: summarize(lags),
    targetRate: options.ratePerSec,
    generatorCpuUsPerReq: cpuUsPerReq(cpu, latencies.length),
  };
}
