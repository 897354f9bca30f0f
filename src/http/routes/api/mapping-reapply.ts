import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../app/actor.js';
import { idParamsSchema } from '../../../contract/common.js';
import {
  reapplyMappingRequestSchema,
  reapplyMappingResponseSchema,
  type ReapplyMappingResponse,
} from '../../../contract/mapping-reapply.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';

/** A saved mapping applied to the hires still in review (admins): previewed first, then queued. */
export function mappingReapplyRoutes(app: FastifyInstance, services: HttpServices): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/connections/:id/mapping/reapply',
    {
      schema: {
        tags: ['Field mapping'],
        summary: 'Apply the saved mapping to hires in review (preview: true shows what would change)',
        params: idParamsSchema,
        body: reapplyMappingRequestSchema,
        response: { 200: reapplyMappingResponseSchema },
      },
      config: { access: 'admin' },
    },
    async (request): Promise<ReapplyMappingResponse> => {
      const { id } = request.params;
      if (request.body.preview) {
        const preview = await services.previewReapplyMapping(id);
        return {
          preview: true,
          inReview: preview.inReview,
          queued: null,
          items: preview.items.map((i) => ({ ...i, changes: { ...i.changes } })),
        };
      }
      const applied = await services.reapplyMapping({
        connectionId: id,
        actor: actorOf(requireCaller(request)),
      });
      return { preview: false, inReview: applied.inReview, queued: applied.queued, items: [] };
    },
  );
}
