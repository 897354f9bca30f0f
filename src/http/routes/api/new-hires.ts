import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listNewHiresQuerySchema, type NewHireResponse } from '../../../contract/new-hires.js';
import type { NewHire } from '../../../core/model/new-hire.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export function toNewHireResponse(n: NewHire): NewHireResponse {
  return {
    id: n.id,
    status: n.status,
    fields: { ...n.fields },
    missingRequired: [...n.missingRequired],
    source: { connectionId: n.connectionId, candidateId: n.candidateId, applicationId: n.applicationId, offerId: n.offerId },
    importedAt: new Date(n.importedAt).toISOString(),
    createdAt: new Date(n.createdAt).toISOString(),
    updatedAt: new Date(n.updatedAt).toISOString(),
  };
}

/** The New hires inbox (inbox managers and admins). */
export function newHireRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/new-hires', async (request) => {
    requireRole(request, 'inbox');
    const q = parseInput(listNewHiresQuerySchema, request.query, 'query');
    const items = await services.listNewHires({
      limit: q.limit,
      ...(q.status ? { status: q.status } : {}),
      ...(q.connectionId ? { connectionId: q.connectionId } : {}),
    });
    return { items: items.map(toNewHireResponse) };
  });
  app.get('/api/v1/new-hires/:id', async (request) => {
    requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    return toNewHireResponse(await services.getNewHire(id));
  });
}
