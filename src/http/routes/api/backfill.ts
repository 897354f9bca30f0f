import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../app/actor.js';
import {
  backfillRequestSchema,
  backfillResponseSchema,
  type BackfillResponse,
} from '../../../contract/backfill.js';
import { idParamsSchema } from '../../../contract/common.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';

/** Backfill from the admin app or a script: lists Ashby's hires and queues their imports (admins). */
export function backfillRoutes(app: FastifyInstance, services: HttpServices): void {
  const schema = {
    tags: ['Ashby connections'],
    summary: 'Import hires Ashby already has',
    params: idParamsSchema,
    body: backfillRequestSchema,
    response: { 202: backfillResponseSchema },
  };
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/api/v1/connections/:id/backfill',
      { schema, config: { access: 'admin' } },
      async (request, reply) => {
        const { body } = request;
        const result = await services.backfillAshby({
          connectionId: request.params.id,
          actor: actorOf(requireCaller(request)),
          ...(body.since === undefined ? {} : { since: body.since }),
          ...(body.includePast === true ? { includePast: true } : {}),
        });
        const answer: BackfillResponse = {
          found: result.found,
          queued: result.queued,
          startsOnOrAfter: result.startsOnOrAfter,
        };
        return reply.status(202).send(answer);
      },
    );
}
