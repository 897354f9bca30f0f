import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { BulkOutcome } from '../../../app/bulk-new-hires.js';
import {
  bulkAddMemberRequestSchema,
  bulkDeleteRequestSchema,
  bulkResultSchema,
  type BulkResultResponse,
} from '../../../contract/new-hire-bulk.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { newHireTags as tags } from './new-hires.js';

function toResponse(items: readonly BulkOutcome[]): BulkResultResponse {
  const done = items.filter((i) => i.ok).length;
  return { items: items.map((i) => ({ ...i })), done, failed: items.length - done };
}

/**
 * Bulk Add member and bulk Delete new hire from the New hires list: the same role as the single-hire
 * routes (inbox managers and admins), a result per id; 200 even when some failed, since each answer item
 * says what happened to its hire.
 */
export function newHireBulkRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/new-hires/bulk-add-member',
    {
      schema: {
        tags,
        summary: 'Add member for many new hires',
        body: bulkAddMemberRequestSchema,
        response: { 200: bulkResultSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const { ids, destinations } = request.body;
      return toResponse(
        await services.bulkAddMembers({
          ids,
          principal: requireCaller(request),
          ...(destinations === undefined ? {} : { destinations }),
        }),
      );
    },
  );
  api.post(
    '/api/v1/new-hires/bulk-delete',
    {
      schema: {
        tags,
        summary: 'Delete many new hires',
        body: bulkDeleteRequestSchema,
        response: { 200: bulkResultSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) =>
      toResponse(
        await services.bulkDeleteNewHires({ ids: request.body.ids, principal: requireCaller(request) }),
      ),
  );
}
