import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuditLine } from '../../../app/audit-log-page.js';
import { csvResponseSchema } from '../../../contract/common.js';
import {
  auditFilterQuerySchema,
  auditPageSchema,
  listAuditQuerySchema,
  type AuditItemResponse,
} from '../../../contract/logs.js';
import type { HttpServices } from '../../services.js';
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
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Logs'];
  api.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: 'The audit log, a page at a time',
        querystring: listAuditQuerySchema,
        response: { 200: auditPageSchema },
      },
      config: { access: 'admin' },
    },
    async ({ query }) => {
      const page = await services.readAuditLog(definedOnly(query));
      return { items: page.items.map(toAuditItem), nextCursor: page.nextCursor };
    },
  );
  api.get(
    '/api/v1/audit/export.csv',
    {
      schema: {
        tags,
        summary: 'The audit log as CSV',
        querystring: auditFilterQuerySchema,
        response: { 200: csvResponseSchema },
      },
      config: { access: 'admin' },
    },
    async ({ query }, reply) =>
      sendCsv(reply, 'audit-log.csv', await services.exportAuditCsv(definedOnly(query))),
  );
}
