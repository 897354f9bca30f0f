import type { FastifyInstance } from 'fastify';
import type { BulkOutcome } from '../../../app/bulk-new-hires.js';
import {
  bulkAddMemberRequestSchema,
  bulkDeleteRequestSchema,
  type BulkResultResponse,
} from '../../../contract/new-hire-bulk.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

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
  app.post('/api/v1/new-hires/bulk-add-member', async (request) => {
    const principal = requireRole(request, 'inbox');
    const body = parseInput(bulkAddMemberRequestSchema, request.body, 'body');
    return toResponse(
      await services.bulkAddMembers({
        ids: body.ids,
        principal,
        ...(body.destinations === undefined ? {} : { destinations: body.destinations }),
      }),
    );
  });
  app.post('/api/v1/new-hires/bulk-delete', async (request) => {
    const principal = requireRole(request, 'inbox');
    const body = parseInput(bulkDeleteRequestSchema, request.body, 'body');
    return toResponse(await services.bulkDeleteNewHires({ ids: body.ids, principal }));
  });
}
