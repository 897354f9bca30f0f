import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listDeliveriesQuerySchema, type DeliveryResponse } from '../../../contract/deliveries.js';
import type { DeliveryView } from '../../../core/model/delivery.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

function toDeliveryResponse(d: DeliveryView): DeliveryResponse {
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
  };
}

/**
 * The delivery log: every webhook received, newest first, with what became of it, and a replay that
 * imports the delivery's application again (admins).
 */
export function deliveryRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/deliveries', async (request) => {
    requireRole(request, 'admin');
    const q = parseInput(listDeliveriesQuerySchema, request.query, 'query');
    const items = await services.listDeliveries({
      limit: q.limit,
      ...(q.connectionId ? { connectionId: q.connectionId } : {}),
    });
    return { items: items.map(toDeliveryResponse) };
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
