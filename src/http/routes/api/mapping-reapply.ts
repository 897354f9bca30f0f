import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../../app/actor.js';
import {
  reapplyMappingRequestSchema,
  type ReapplyMappingResponse,
} from '../../../contract/mapping-reapply.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** A saved mapping applied to the hires still in review (admins): previewed first, then queued. */
export function mappingReapplyRoutes(app: FastifyInstance, services: HttpServices): void {
  app.post('/api/v1/connections/:id/mapping/reapply', async (request): Promise<ReapplyMappingResponse> => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(reapplyMappingRequestSchema, request.body, 'body');
    if (body.preview) {
      const preview = await services.previewReapplyMapping(id);
      return {
        preview: true,
        inReview: preview.inReview,
        queued: null,
        items: preview.items.map((i) => ({ ...i, changes: { ...i.changes } })),
      };
    }
    const applied = await services.reapplyMapping({ connectionId: id, actor: actorOf(principal) });
    return { preview: false, inReview: applied.inReview, queued: applied.queued, items: [] };
  });
}
