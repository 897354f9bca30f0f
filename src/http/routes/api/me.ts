import type { FastifyInstance } from 'fastify';
import { meResponseSchema } from '../../../contract/me.js';
import { requireRole } from '../../plugins/authenticate.js';

/** Who the token belongs to: lets scripts check a token before using it. */
export function meRoutes(app: FastifyInstance): void {
  app.get('/api/v1/me', (request) => meResponseSchema.parse(requireRole(request, 'inbox')));
}
