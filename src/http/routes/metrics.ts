import type { FastifyInstance } from 'fastify';
import type { HttpServices } from '../services.js';

/**
 * Prometheus scrapes without credentials, so /metrics carries counts by closed labels only. Set
 * METRICS_PORT to serve it on its own listener, away from the public one.
 */
export function metricsRoutes(app: FastifyInstance, services: Pick<HttpServices, 'renderMetrics'>): void {
  const schema = {
    tags: ['Probes'],
    summary: 'Prometheus metrics (text format; counts only, no personal data)',
  };
  app.get('/metrics', { logLevel: 'warn', schema }, async (_request, reply) => {
    const { contentType, body } = await services.renderMetrics();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
