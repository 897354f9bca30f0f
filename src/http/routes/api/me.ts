import type { FastifyInstance } from 'fastify';
import { meResponseSchema } from '../../../contract/me.js';
import { requireCaller } from '../../plugins/authenticate.js';

/** Who the caller is: lets scripts check a token before using it, and pages see who is signed in. */
export function meRoutes(app: FastifyInstance): void {
  app.get('/api/v1/me', (request) => meResponseSchema.parse(requireCaller(request)));
}
