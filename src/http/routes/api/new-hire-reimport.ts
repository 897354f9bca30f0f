import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { revertNewHireRequestSchema } from '../../../contract/inbox.js';
import type { ReimportResponse } from '../../../contract/mapping.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';
import { toNewHireResponse } from './new-hires.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** Applies the connection's current mapping again to a new hire in review (inbox managers and admins). */
export function newHireReimportRoutes(app: FastifyInstance, services: HttpServices): void {
  app.post('/api/v1/new-hires/:id/reimport', async (request): Promise<ReimportResponse> => {
    const principal = requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    const { outcome, newHire } = await services.reimportNewHire({ newHireId: id, principal });
    return { outcome, newHire: toNewHireResponse(newHire) };
  });
  // "Revert to Ashby's value": the fields named lose their reviewer edit and take what Ashby says now.
  app.post('/api/v1/new-hires/:id/revert', async (request): Promise<ReimportResponse> => {
    const principal = requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    const { fields } = parseInput(revertNewHireRequestSchema, request.body, 'body');
    const { outcome, newHire } = await services.reimportNewHire({
      newHireId: id,
      revertFields: fields,
      principal,
    });
    return { outcome, newHire: toNewHireResponse(newHire) };
  });
}
