import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DeliveryLine } from '../../../app/delivery-log-page.js';
import type { DeliveryResponse } from '../../../contract/deliveries.js';
import { deliveryFilterQuerySchema, listDeliveriesQuerySchema } from '../../../contract/logs.js';
import { definedOnly, sendCsv } from '../../log-replies.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

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
  app.get('/api/v1/deliveries', async (request) => {
    requireRole(request, 'admin');
    const q = parseInput(listDeliveriesQuerySchema, request.query, 'query');
    const page = await services.readDeliveryLog(definedOnly(q));
    return { items: page.items.map(toDeliveryResponse), nextCursor: page.nextCursor };
  });
  app.get('/api/v1/deliveries/export.csv', async (request, reply) => {
    requireRole(request, 'admin');
    const q = parseInput(deliveryFilterQuerySchema, request.query, 'query');
    return sendCsv(reply, 'delivery-log.csv', await services.exportDeliveriesCsv(definedOnly(q)));
  });
  app.post('/api/v1/deliveries/:id/replay', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const result = await services.replayDelivery({ deliveryId: id, principal });
    return reply.status(202).send({
      deliveryId: result.delivery.id,
      applicationId: result.delivery.applicationId,
      queued: result.queued,
    });
  });
}
