import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../../app/actor.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

/**
 * POST /api/v1/new-hires/:id/restore: a deleted new hire comes back (inbox managers and admins); Ashby
 * is read again for it, so it returns to review with current data. 202: the import is queued.
 */
export function newHireRestoreRoutes(app: FastifyInstance, services: HttpServices): void {
  app.post('/api/v1/new-hires/:id/restore', async (request, reply) => {
    const principal = requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    await services.restoreNewHire({ newHireId: id, actor: actorOf(principal) });
    return reply.status(202).send({ restored: true });
  });
}
