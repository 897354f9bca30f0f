import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  connectAshbyRequestSchema,
  reconnectAshbyRequestSchema,
  type ConnectionResponse,
} from '../../../contract/connections.js';
import { webhookUrlFor, type AshbyConnection } from '../../../core/model/ashby-connection.js';
import { actorOf } from '../../../app/actor.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export function toConnectionResponse(c: AshbyConnection, publicUrl: string): ConnectionResponse {
  return {
    id: c.id,
    name: c.name,
    apiUrl: c.apiUrl,
    webhookUrl: webhookUrlFor(publicUrl, c.id),
    permissions: { required: [...c.permissions.required], optional: [...c.permissions.optional] },
    ashbyWebhooks: [...c.ashbyWebhooks],
    createdAt: new Date(c.createdAt).toISOString(),
    lastPingAt: isoOrNull(c.lastPingAt),
    lastDeliveryAt: isoOrNull(c.lastDeliveryAt),
  };
}

/** Ashby connections (admins only): connect, reconnect with a new key, read. */
export function connectionRoutes(app: FastifyInstance, services: HttpServices): void {
  app.post('/api/v1/connections/ashby', async (request, reply) => {
    const actor = requireRole(request, 'admin');
    const body = parseInput(connectAshbyRequestSchema, request.body, 'body');
    const result = await services.connectAshby({
      apiKey: body.apiKey,
      actor: actorOf(actor),
      ...(body.apiUrl ? { apiUrl: body.apiUrl } : {}),
      ...(body.name ? { name: body.name } : {}),
      // A signed-in admin connecting is the connecting user (the default notification recipient).
      ...(body.connectedByUserId
        ? { connectedByUserId: body.connectedByUserId }
        : actor.kind === 'user'
          ? { connectedByUserId: actor.id }
          : {}),
    });
    return reply.status(201).send({
      ...toConnectionResponse(result.connection, services.publicUrl),
      secretToken: result.secretToken,
    });
  });
  app.get('/api/v1/connections', async (request) => {
    requireRole(request, 'admin');
    return {
      items: (await services.listConnections()).map((c) => toConnectionResponse(c, services.publicUrl)),
    };
  });
  app.get('/api/v1/connections/:id', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    return toConnectionResponse(await services.getConnection(id), services.publicUrl);
  });
  // The Secret Token is shown once at connect; admins may read it again to paste it into Ashby.
  app.get('/api/v1/connections/:id/webhook-secret', async (request, reply) => {
    // Shown again to paste into Ashby, and audited: a secret, not something a viewer reads.
    const principal = requireRole(request, 'admin', { secret: true });
    const { id } = parseInput(idParams, request.params, 'params');
    const secretToken = await services.revealWebhookSecret({ connectionId: id, principal });
    return reply.header('cache-control', 'no-store').send({ secretToken });
  });
  app.post('/api/v1/connections/:id/reconnect', async (request) => {
    const actor = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(reconnectAshbyRequestSchema, request.body, 'body');
    const connection = await services.reconnectAshby({
      connectionId: id,
      apiKey: body.apiKey,
      actor: actorOf(actor),
    });
    return toConnectionResponse(connection, services.publicUrl);
  });
}
