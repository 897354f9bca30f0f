import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DeliveryLine } from '../../../app/delivery-log-page.js';
import { csvResponseSchema, emptyBodySchema, idParamsSchema } from '../../../contract/common.js';
import { deliverySchema, replayResponseSchema, type DeliveryResponse } from '../../../contract/deliveries.js';
import { deliveryFilterQuerySchema, listDeliveriesQuerySchema, pageOf } from '../../../contract/logs.js';
import { definedOnly, sendCsv } from '../../log-replies.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';

function toDeliveryResponse(d: DeliveryLine): DeliveryResponse {
  return {
    id: d.id,
    connectionId: d.connectionId,
    webhookActionId: d.actionKey,
    action: d.action,
    applicationId: d.applicationId,
    status: d.status,
    outcome: d.outcome,
    receivedAt: new Date(d.receivedAt).toISOString(),
    processedAt: isoOrNull(d.processedAt),
    newHire: d.newHire,
  };
}

/**
 * The delivery log: every webhook received, newest first, filtered by action, status and days, a page
 * at a time or as CSV, with the new hire each application became; and a replay that imports the
 * delivery's application again (admins).
 */
export function deliveryRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Logs'];
  api.get(
    '/api/v1/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log (webhooks received), a page at a time',
        querystring: listDeliveriesQuerySchema,
        response: { 200: pageOf(deliverySchema) },
      },
      config: { access: 'admin' },
    },
    async ({ query }) => {
      const page = await services.readDeliveryLog(definedOnly(query));
      return { items: page.items.map(toDeliveryResponse), nextCursor: page.nextCursor };
    },
  );
  api.get(
    '/api/v1/deliveries/export.csv',
    {
      schema: {
        tags,
        summary: 'The delivery log as CSV',
        querystring: deliveryFilterQuerySchema,
        response: { 200: csvResponseSchema },
      },
      config: { access: 'admin' },
    },
    async ({ query }, reply) =>
      sendCsv(reply, 'delivery-log.csv', await services.exportDeliveriesCsv(definedOnly(query))),
  );
  api.post(
    '/api/v1/deliveries/:id/replay',
    {
      schema: {
        tags,
        summary: "Import a delivery's application again",
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 202: replayResponseSchema },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const principal = requireCaller(request);
      const result = await services.replayDelivery({ deliveryId: request.params.id, principal });
      return reply.status(202).send({
        deliveryId: result.delivery.id,
        applicationId: result.delivery.applicationId,
        queued: result.queued,
      });
    },
  );
}
