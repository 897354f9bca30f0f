import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobObserver, MetricsSource, OutboundCallObserver } from '../core/ports/metrics.js';

export interface Metrics {
  readonly outboundCalls: OutboundCallObserver;
  readonly jobs: JobObserver;
  /** The Prometheus text exposition, with the database figures read once for this scrape. */
  render(source: MetricsSource, now: number): Promise<{ contentType: string; body: string }>;
}

/**
 * Prometheus metrics (prom-client). Labels are closed sets (system names, statuses, job kinds, states):
 * never an id, an email or anything a candidate typed, so the endpoint cannot leak personal data.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hirebridge_process_' });
  const deliveries = new Gauge({
    name: 'hirebridge_webhook_deliveries',
    help: 'Webhook deliveries stored, by status (queued, processed, ignored)',
    labelNames: ['status'],
    registers: [registry],
  });
  const newHires = new Gauge({
    name: 'hirebridge_new_hires',
    help: 'New hires produced by imports, by status (in_review, added, deleted)',
    labelNames: ['status'],
    registers: [registry],
  });
  const queueJobs = new Gauge({
    name: 'hirebridge_queue_jobs',
    help: 'Jobs in the durable queue, by kind and state (dead jobs wait for a person)',
    labelNames: ['kind', 'state'],
    registers: [registry],
  });
  const oldestAge = new Gauge({
    name: 'hirebridge_queue_oldest_job_age_seconds',
    help: 'How long the oldest due job of a kind has been waiting (available) or running',
    labelNames: ['kind', 'state'],
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'hirebridge_job_duration_seconds',
    help: 'How long one job attempt ran in this process, by kind and result',
    labelNames: ['kind', 'result'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 15, 60, 300],
    registers: [registry],
  });
  const calls = new Counter({
    name: 'hirebridge_outbound_calls_total',
    help: 'Outbound API calls made by this process, by system and status class (2xx, 429, 4xx, 5xx, network_error)',
    labelNames: ['system', 'status'],
    registers: [registry],
  });

  return {
    outboundCalls: {
      observe: ({ system, status }) => calls.inc({ system, status: statusClass(status) }),
    },
    jobs: {
      finished: ({ kind, result, durationMs }) => jobDuration.observe({ kind, result }, durationMs / 1000),
    },
    async render(source, now) {
      const figures = await source.read();
      deliveries.reset();
      for (const d of figures.deliveries) deliveries.set({ status: d.label }, d.count);
      newHires.reset();
      for (const n of figures.newHires) newHires.set({ status: n.label }, n.count);
      queueJobs.reset();
      oldestAge.reset();
      for (const j of figures.jobs) {
        queueJobs.set({ kind: j.kind, state: j.state }, j.count);
        if ((j.state === 'available' || j.state === 'running') && j.oldestRunAt !== null)
          oldestAge.set({ kind: j.kind, state: j.state }, Math.max(0, (now - j.oldestRunAt) / 1000));
      }
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

function statusClass(status: number | 'network_error'): string {
  if (status === 'network_error') return status;
  if (status === 429) return '429';
  return `${Math.floor(status / 100)}xx`;
}
