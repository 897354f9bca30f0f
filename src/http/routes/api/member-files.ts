import type { FastifyInstance } from 'fastify';
import { importMembersRequestSchema, type ImportMembersResponse } from '../../../contract/member-files.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

/** The directory as a CSV file, out (export) and in (import with a preview) (inbox managers and admins). */
export function memberFileRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/members/export.csv', async (request, reply) => {
    requireRole(request, 'inbox');
    const csv = await services.exportMembersCsv();
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="members.csv"')
      .header('cache-control', 'no-store')
      .send(csv);
  });
  app.post('/api/v1/members/import', async (request): Promise<ImportMembersResponse> => {
    const principal = requireRole(request, 'inbox');
    const body = parseInput(importMembersRequestSchema, request.body, 'body');
    const report = await services.importMembers({ csv: body.csv, dryRun: body.preview, principal });
    return { preview: body.preview, imported: report.imported, problems: report.problems };
  });
}
