import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../../app/actor.js';
import type { BackfillStatusResponse, SyncNowResponse } from '../../../contract/backfill-status.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** How the last backfill is doing, and reconciliation on demand ("Sync now"), for admins. */
export function backfillStatusRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/connections/:id/backfill', async (request): Promise<BackfillStatusResponse> => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const status = await services.backfillStatus(id);
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
  });
  app.post('/api/v1/connections/:id/sync', async (request): Promise<SyncNowResponse> => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const result = await services.syncAshbyNow({ connectionId: id, actor: actorOf(principal) });
    return { mode: result.mode, seen: result.seen, hired: result.hired, queued: result.queued };
  });
}
