import type { FastifyInstance } from 'fastify';
import { listAuditQuerySchema } from '../../../contract/inbox.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

/** The audit log: every change a person or token made, newest first (admins). */
export function auditRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/audit', async (request) => {
    requireRole(request, 'admin');
    const q = parseInput(listAuditQuerySchema, request.query, 'query');
    const entries = await services.listAudit({ limit: q.limit });
    return { items: entries.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
  });
}
