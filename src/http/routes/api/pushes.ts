import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emptyBodySchema, fileResponseSchema, idParamsSchema, itemsOf } from '../../../contract/common.js';
import { listPushesQuerySchema, pushSchema, type PushResponse } from '../../../contract/destinations.js';
import type { Push } from '../../../core/model/destination.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { sendDocument } from './documents.js';

const retryParams = z.object({ id: z.string().min(1).max(100), destinationId: z.string().min(1).max(100) });
const tags = ['Destinations'];

export function toPushResponse(p: Push): PushResponse {
  return {
    destinationId: p.destinationId,
    destinationType: p.destinationType,
    memberId: p.memberId,
    status: p.status,
    remoteId: p.remoteId,
    attempts: p.attempts,
    lastError: p.lastError,
    warnings: [...p.warnings],
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}

/** Pushes of members to destinations (inbox managers and admins): status, errors, retry. */
export function pushRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/members/:id/pushes',
    {
      schema: {
        tags,
        summary: "A member's pushes to each destination",
        params: idParamsSchema,
        response: { 200: itemsOf(pushSchema) },
      },
      config: { access: 'inbox' },
    },
    async ({ params }) => ({
      items: (await services.destinations.memberPushes(params.id)).map(toPushResponse),
    }),
  );
  api.get(
    '/api/v1/pushes',
    {
      schema: {
        tags,
        summary: 'List pushes',
        querystring: listPushesQuerySchema,
        response: { 200: itemsOf(pushSchema) },
      },
      config: { access: 'inbox' },
    },
    async ({ query }) => {
      const items = await services.destinations.listPushes({
        limit: query.limit,
        ...(query.status ? { status: query.status } : {}),
      });
      return { items: items.map(toPushResponse) };
    },
  );
  api.post(
    '/api/v1/members/:id/pushes/:destinationId/retry',
    {
      schema: {
        tags,
        summary: 'Push a member to a destination again',
        params: retryParams,
        body: emptyBodySchema,
        response: { 200: pushSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const { id, destinationId } = request.params;
      const principal = requireCaller(request);
      return toPushResponse(
        await services.destinations.retryPush({ memberId: id, destinationId, principal }),
      );
    },
  );
}

/** Documents handed to destinations: a signed link that expires, no sign-in (the link is the credential). */
export function documentLinkRoutes(app: FastifyInstance, services: HttpServices): void {
  // The token rides in the query: it is longer than a path parameter may be (Fastify's maxParamLength).
  const query = z.object({ token: z.string().min(10).max(2000) });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/document-links',
    {
      schema: {
        tags,
        summary: 'A document handed to a destination, by its signed link',
        querystring: query,
        response: { 200: fileResponseSchema },
      },
    },
    async (request, reply) => {
      const { document, content } = await services.destinations.openDocumentLink(request.query.token);
      return sendDocument(reply, document, content);
    },
  );
}
