import type { FastifyInstance } from 'fastify';
import type { AuditLine } from '../../../app/audit-log-page.js';
import {
  auditFilterQuerySchema,
  listAuditQuerySchema,
  type AuditItemResponse,
} from '../../../contract/logs.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';
import { definedOnly, sendCsv } from '../../log-replies.js';

const toAuditItem = (e: AuditLine): AuditItemResponse => ({
  id: e.id,
  at: new Date(e.at).toISOString(),
  actor: e.actor,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  targetName: e.targetName,
  targetLink: e.targetLink,
  details: e.details,
});

/**
 * The audit log: every change a person or token made, newest first, filtered by action, actor and
 * days, a page at a time or as CSV (admins).
 */
export function auditRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/audit', async (request) => {
    requireRole(request, 'admin');
    const q = parseInput(listAuditQuerySchema, request.query, 'query');
    const page = await services.readAuditLog(definedOnly(q));
    return { items: page.items.map(toAuditItem), nextCursor: page.nextCursor };
  });
  app.get('/api/v1/audit/export.csv', async (request, reply) => {
    requireRole(request, 'admin');
    const q = parseInput(auditFilterQuerySchema, request.query, 'query');
    return sendCsv(reply, 'audit-log.csv', await services.exportAuditCsv(definedOnly(q)));
  });
}
