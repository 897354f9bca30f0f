import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { csvResponseSchema } from '../../../contract/common.js';
import { importMembersRequestSchema, importMembersResponseSchema } from '../../../contract/member-files.js';
import { sendCsv } from '../../log-replies.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { memberTags as tags } from './members.js';

/** The directory as a CSV file, out (export) and in (import with a preview) (inbox managers and admins). */
export function memberFileRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/members/export.csv',
    {
      schema: { tags, summary: 'The directory as CSV', response: { 200: csvResponseSchema } },
      config: { access: 'inbox' },
    },
    async (_request, reply) => sendCsv(reply, 'members.csv', await services.exportMembersCsv()),
  );
  api.post(
    '/api/v1/members/import',
    {
      schema: {
        tags,
        summary: 'Import members from CSV (or preview the import)',
        body: importMembersRequestSchema,
        response: { 200: importMembersResponseSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const { csv, preview } = request.body;
      const report = await services.importMembers({
        csv,
        dryRun: preview,
        principal: requireCaller(request),
      });
      return { preview, imported: report.imported, problems: [...report.problems] };
    },
  );
}
