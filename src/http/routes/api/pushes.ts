import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listPushesQuerySchema, type PushResponse } from '../../../contract/destinations.js';
import type { Push } from '../../../core/model/destination.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';
import { contentDisposition } from './documents.js';

const memberParams = z.object({ id: z.string().min(1).max(100) });
const retryParams = z.object({ id: z.string().min(1).max(100), destinationId: z.string().min(1).max(100) });

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
  app.get('/api/v1/members/:id/pushes', async (request) => {
    requireRole(request, 'inbox');
    const { id } = parseInput(memberParams, request.params, 'params');
    return { items: (await services.destinations.memberPushes(id)).map(toPushResponse) };
  });
  app.get('/api/v1/pushes', async (request) => {
    requireRole(request, 'inbox');
    const q = parseInput(listPushesQuerySchema, request.query, 'query');
    const items = await services.destinations.listPushes({
      limit: q.limit,
      ...(q.status ? { status: q.status } : {}),
    });
    return { items: items.map(toPushResponse) };
  });
  app.post('/api/v1/members/:id/pushes/:destinationId/retry', async (request) => {
    const principal = requireRole(request, 'inbox');
    const { id, destinationId } = parseInput(retryParams, request.params, 'params');
    return toPushResponse(await services.destinations.retryPush({ memberId: id, destinationId, principal }));
  });
}

/** Documents handed to destinations: a signed link that expires, no sign-in (the link is the credential). */
export function documentLinkRoutes(app: FastifyInstance, services: HttpServices): void {
  // The token rides in the query: it is longer than a path parameter may be (Fastify's maxParamLength).
  app.get('/document-links', async (request, reply) => {
    const { token } = parseInput(z.object({ token: z.string().min(10).max(2000) }), request.query, 'query');
    const { document, content } = await services.destinations.openDocumentLink(token);
    return reply
      .header('content-type', document.contentType ?? 'application/octet-stream')
      .header('content-disposition', contentDisposition(document.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(Readable.from(content));
  });
}
