import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, itemsOf } from '../../../contract/common.js';
import {
  connectAshbyRequestSchema,
  connectedSchema,
  connectionSchema,
  reconnectAshbyRequestSchema,
  webhookSecretSchema,
  type ConnectionResponse,
} from '../../../contract/connections.js';
import { webhookUrlFor, type AshbyConnection } from '../../../core/model/ashby-connection.js';
import { actorOf } from '../../../app/actor.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';

const tags = ['Ashby connections'];

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
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/connections/ashby',
    {
      schema: {
        tags,
        summary: 'Connect an Ashby account',
        body: connectAshbyRequestSchema,
        response: { 201: connectedSchema },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const actor = requireCaller(request);
      const body = request.body;
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
    },
  );
  api.get(
    '/api/v1/connections',
    {
      schema: { tags, summary: 'List Ashby connections', response: { 200: itemsOf(connectionSchema) } },
      config: { access: 'admin' },
    },
    async () => ({
      items: (await services.listConnections()).map((c) => toConnectionResponse(c, services.publicUrl)),
    }),
  );
  api.get(
    '/api/v1/connections/:id',
    {
      schema: {
        tags,
        summary: 'Read an Ashby connection',
        params: idParamsSchema,
        response: { 200: connectionSchema },
      },
      config: { access: 'admin' },
    },
    async ({ params }) => toConnectionResponse(await services.getConnection(params.id), services.publicUrl),
  );
  // The Secret Token is shown once at connect; admins may read it again to paste it into Ashby.
  api.get(
    '/api/v1/connections/:id/webhook-secret',
    {
      schema: {
        tags,
        summary: "Show the connection's webhook Secret Token again (audited)",
        params: idParamsSchema,
        response: { 200: webhookSecretSchema },
      },
      // Shown again to paste into Ashby, and audited: a secret, not something a viewer reads.
      config: { access: { role: 'admin', secret: true } },
    },
    async (request, reply) => {
      const secretToken = await services.revealWebhookSecret({
        connectionId: request.params.id,
        principal: requireCaller(request),
      });
      return reply.header('cache-control', 'no-store').send({ secretToken });
    },
  );
  api.post(
    '/api/v1/connections/:id/reconnect',
    {
      schema: {
        tags,
        summary: 'Reconnect with a new Ashby API key',
        params: idParamsSchema,
        body: reconnectAshbyRequestSchema,
        response: { 200: connectionSchema },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const connection = await services.reconnectAshby({
        connectionId: request.params.id,
        apiKey: request.body.apiKey,
        actor: actorOf(requireCaller(request)),
      });
      return toConnectionResponse(connection, services.publicUrl);
    },
  );
}
