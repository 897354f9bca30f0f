import type { Kysely } from 'kysely';
import type { MetricsFigures } from '../../core/ports/metrics.js';
import type { Database } from '../tables/database.js';

/** The figures behind /metrics: three grouped counts, one query each, on either dialect. */
export async function readMetricsFigures(db: Kysely<Database>): Promise<MetricsFigures> {
  const [deliveries, newHires, jobs] = await Promise.all([
    db
      .selectFrom('webhook_deliveries')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('new_hires')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('jobs')
      .select([
        'kind',
        'state',
        (eb) => eb.fn.countAll<number | string>().as('count'),
        (eb) => eb.fn.min('run_at').as('oldest'),
      ])
      .groupBy(['kind', 'state'])
      .execute(),
  ]);
  return {
    deliveries: deliveries.map((r) => ({ label: r.status, count: Number(r.count) })),
    newHires: newHires.map((r) => ({ label: r.status, count: Number(r.count) })),
    jobs: jobs.map((r) => ({
      kind: r.kind,
      state: r.state,
      count: Number(r.count),
      oldestRunAt: r.oldest === null ? null : Number(r.oldest),
    })),
  };
}
