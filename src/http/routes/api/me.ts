import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../plugins/authenticate.js';

/** Who the token belongs to: lets scripts check a token before using it. */
export function meRoutes(app: FastifyInstance): void {
  app.get('/api/v1/me', (request) => requireRole(request, 'inbox'));
}
