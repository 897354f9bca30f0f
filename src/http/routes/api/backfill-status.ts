import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../app/actor.js';
import {
  backfillStatusResponseSchema,
  syncNowResponseSchema,
  type BackfillStatusResponse,
} from '../../../contract/backfill-status.js';
import { emptyBodySchema, idParamsSchema } from '../../../contract/common.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';

const tags = ['Ashby connections'];

/** How the last backfill is doing, and reconciliation on demand ("Sync now"), for admins. */
export function backfillStatusRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/connections/:id/backfill',
    {
      schema: {
        tags,
        summary: "The connection's last backfill and how far it got",
        params: idParamsSchema,
        response: { 200: backfillStatusResponseSchema },
      },
      config: { access: 'admin' },
    },
    async ({ params }): Promise<BackfillStatusResponse> => {
      const status = await services.backfillStatus(params.id);
      if (!status) return { run: null };
      const { run } = status;
      return {
        run: {
          startedAt: isoOrNull(run.startedAt) ?? '',
          startedBy: run.startedBy,
          startsOnOrAfter: run.startsOnOrAfter,
          found: run.found,
          queued: run.queued,
          waiting: status.waiting,
          imported: status.imported,
          skipped: status.skipped,
          listed: run.listedAt !== null,
          finished: status.finished,
          error: run.error,
        },
      };
    },
  );
  api.post(
    '/api/v1/connections/:id/sync',
    {
      schema: {
        tags,
        summary: 'Reconcile with Ashby now (hires whose webhooks never arrived)',
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 200: syncNowResponseSchema },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const result = await services.syncAshbyNow({
        connectionId: request.params.id,
        actor: actorOf(requireCaller(request)),
      });
      return { mode: result.mode, seen: result.seen, hired: result.hired, queued: result.queued };
    },
  );
}
