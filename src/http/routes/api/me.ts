import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { meResponseSchema } from '../../../contract/me.js';
import { requireCaller } from '../../plugins/authenticate.js';

/** Who the caller is: lets scripts check a token before using it, and pages see who is signed in. */
export function meRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/me',
    {
      schema: { tags: ['Account'], summary: 'Who the caller is', response: { 200: meResponseSchema } },
      config: { access: 'caller' },
    },
    (request) => requireCaller(request),
  );
}
