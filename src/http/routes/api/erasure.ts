import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../contract/common.js';
import {
  eraseMemberRequestSchema,
  erasureReportSchema,
  erasureRequestsResponseSchema,
} from '../../../contract/erasure.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';

const tags = ['Directory'];

/** Erasing a member (admins), and the members Ashby deleted that wait for it. */
export function erasureRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/erasure-requests',
    {
      schema: {
        tags,
        summary: 'Members Ashby deleted, waiting for an admin to erase them',
        response: { 200: erasureRequestsResponseSchema },
      },
      config: { access: 'admin' },
    },
    async () => {
      const items = await services.erasure.requests();
      return { items: items.map((r) => ({ ...r, requestedAt: new Date(r.requestedAt).toISOString() })) };
    },
  );
  api.post(
    '/api/v1/members/:id/erase',
    {
      schema: {
        tags,
        summary:
          "Erase a member's personal data and files (cannot be undone; tells destinations that can be told)",
        params: idParamsSchema,
        body: eraseMemberRequestSchema,
        response: { 200: erasureReportSchema },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const report = await services.erasure.eraseMember({
        memberId: request.params.id,
        confirm: true,
        principal: requireCaller(request),
      });
      return { ...report, told: [...report.told], notTold: [...report.notTold] };
    },
  );
}
