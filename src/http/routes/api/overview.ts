import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Overview } from '../../../app/read-overview.js';
import { overviewSchema, type OverviewResponse } from '../../../contract/overview.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';

/** Plain words and the page to look into each kind of failure; a kind not listed keeps its name. */
const ATTENTION: Readonly<Record<string, { label: string; page: string | null }>> = {
  dead_jobs: { label: 'Background jobs that gave up after their last attempt', page: null },
  retrying_jobs: { label: 'Background jobs that failed and will try again', page: null },
  stalled_webhook_deliveries: {
    label: 'Ashby webhooks not imported 15 minutes after they arrived',
    page: '/deliveries',
  },
  failed_notifications: { label: 'Notification emails or Slack messages that could not be sent', page: null },
  failed_pushes: {
    label: 'Pushes to HR systems that failed or wait on refused credentials',
    page: '/pushes',
  },
};

const iso = (ms: number) => new Date(ms).toISOString();

function toOverviewResponse(o: Overview): OverviewResponse {
  return {
    generatedAt: iso(o.generatedAt),
    review: {
      total: o.review.total,
      olderThan: o.review.olderThan.map((a) => ({ ...a })),
      oldest: o.review.oldest.map((r) => ({ id: r.id, name: r.name, arrivedAt: iso(r.arrivedAt) })),
    },
    upcomingStarts: { ...o.upcomingStarts, items: o.upcomingStarts.items.map((i) => ({ ...i })) },
    hiresPerMonth: o.hiresPerMonth.map((m) => ({ ...m })),
    timeToAdd: {
      count: o.timeToAdd.count,
      medianHours:
        o.timeToAdd.medianMs === null ? null : Math.round((o.timeToAdd.medianMs / 3_600_000) * 10) / 10,
      since: iso(o.timeToAdd.since),
    },
    attention: {
      total: o.attention.total,
      items: o.attention.items.map((a) => ({
        kind: a.kind,
        label: ATTENTION[a.kind]?.label ?? a.kind,
        count: a.count,
        oldestAt: isoOrNull(a.oldestAt),
        page: ATTENTION[a.kind]?.page ?? null,
      })),
    },
  };
}

/** The Overview page's figures (admins and inbox managers). */
export function overviewRoutes(app: FastifyInstance, services: HttpServices): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/overview',
    {
      schema: {
        tags: ['Overview'],
        summary: "The Overview page's figures",
        response: { 200: overviewSchema },
      },
      config: { access: 'inbox' },
    },
    async () => toOverviewResponse(await services.readOverview()),
  );
}
