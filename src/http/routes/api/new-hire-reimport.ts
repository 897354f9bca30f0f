import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParamsSchema } from '../../../contract/common.js';
import { revertNewHireRequestSchema } from '../../../contract/inbox.js';
import { reimportResponseSchema } from '../../../contract/mapping.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { newHireTags as tags, toNewHireResponse } from './new-hires.js';

/** Applies the connection's current mapping again to a new hire in review (inbox managers and admins). */
export function newHireReimportRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/new-hires/:id/reimport',
    {
      schema: {
        tags,
        summary: "Apply the connection's current mapping to a new hire again",
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 200: reimportResponseSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const { outcome, newHire } = await services.reimportNewHire({
        newHireId: request.params.id,
        principal: requireCaller(request),
      });
      return { outcome, newHire: toNewHireResponse(newHire) };
    },
  );
  // "Revert to Ashby's value": the fields named lose their reviewer edit and take what Ashby says now.
  api.post(
    '/api/v1/new-hires/:id/revert',
    {
      schema: {
        tags,
        summary: "Revert edited fields to Ashby's current value",
        params: idParamsSchema,
        body: revertNewHireRequestSchema,
        response: { 200: reimportResponseSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const { outcome, newHire } = await services.reimportNewHire({
        newHireId: request.params.id,
        revertFields: request.body.fields,
        principal: requireCaller(request),
      });
      return { outcome, newHire: toNewHireResponse(newHire) };
    },
  );
}
