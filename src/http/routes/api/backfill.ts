import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { backfillRequestSchema, type BackfillResponse } from '../../../contract/backfill.js';
import { actorOf } from '../../../app/actor.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** Backfill from the admin app or a script: lists Ashby's hires and queues their imports (admins). */
export function backfillRoutes(app: FastifyInstance, services: HttpServices): void {
  app.post('/api/v1/connections/:id/backfill', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(backfillRequestSchema, request.body, 'body');
    const result = await services.backfillAshby({
      connectionId: id,
      actor: actorOf(principal),
      ...(body.since === undefined ? {} : { since: body.since }),
      ...(body.includePast === true ? { includePast: true } : {}),
    });
    const answer: BackfillResponse = {
      found: result.found,
      queued: result.queued,
      startsOnOrAfter: result.startsOnOrAfter,
    };
    return reply.status(202).send(answer);
  });
}
