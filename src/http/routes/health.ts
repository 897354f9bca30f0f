import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthSchema, readinessSchema } from '../../contract/probes.js';
import type { HttpServices } from '../services.js';

/** Unauthenticated probes for load balancers and orchestrators. */
export function healthRoutes(app: FastifyInstance, services: Pick<HttpServices, 'checkReadiness'>): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Probes'];
  api.get(
    '/healthz',
    { schema: { tags, summary: 'Liveness: the process answers', response: { 200: healthSchema } } },
    () => ({ status: 'ok' as const }),
  );
  api.get(
    '/readyz',
    {
      schema: {
        tags,
        summary: 'Readiness: the database answers and every migration is applied (else 503)',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      const readiness = await services.checkReadiness();
      return reply.status(readiness.ready ? 200 : 503).send({
        status: readiness.ready ? 'ready' : 'not_ready',
        ...readiness,
        pendingMigrations: [...readiness.pendingMigrations],
      });
    },
  );
}
