import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  eraseMemberRequestSchema,
  type ErasureReportResponse,
  type ErasureRequestsResponse,
} from '../../../contract/erasure.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** Erasing a member (admins), and the members Ashby deleted that wait for it. */
export function erasureRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/erasure-requests', async (request): Promise<ErasureRequestsResponse> => {
    requireRole(request, 'admin');
    const items = await services.erasure.requests();
    return { items: items.map((r) => ({ ...r, requestedAt: new Date(r.requestedAt).toISOString() })) };
  });
  app.post('/api/v1/members/:id/erase', async (request): Promise<ErasureReportResponse> => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    parseInput(eraseMemberRequestSchema, request.body, 'body');
    const report = await services.erasure.eraseMember({ memberId: id, confirm: true, principal });
    return { ...report, told: [...report.told], notTold: [...report.notTold] };
  });
}
