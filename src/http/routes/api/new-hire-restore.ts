import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../app/actor.js';
import { emptyBodySchema, idParamsSchema } from '../../../contract/common.js';
import { restoredNewHireSchema } from '../../../contract/new-hires.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';

/**
 * POST /api/v1/new-hires/:id/restore: a deleted new hire comes back (inbox managers and admins); Ashby
 * is read again for it, so it returns to review with current data. 202: the import is queued.
 */
export function newHireRestoreRoutes(app: FastifyInstance, services: HttpServices): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/new-hires/:id/restore',
    {
      schema: {
        tags: ['New hires'],
        summary: 'Restore a deleted new hire (read again from Ashby)',
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 202: restoredNewHireSchema },
      },
      config: { access: 'inbox' },
    },
    async (request, reply) => {
      await services.restoreNewHire({ newHireId: request.params.id, actor: actorOf(requireCaller(request)) });
      return reply.status(202).send({ restored: true as const });
    },
  );
}
