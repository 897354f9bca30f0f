import type { FastifyInstance } from 'fastify';
import type { HttpServices } from '../services.js';

/** Unauthenticated probes for load balancers and orchestrators. */
export function healthRoutes(app: FastifyInstance, services: Pick<HttpServices, 'checkReadiness'>): void {
  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await services.checkReadiness();
    return reply
      .status(readiness.ready ? 200 : 503)
      .send({ status: readiness.ready ? 'ready' : 'not_ready', ...readiness });
  });
}
