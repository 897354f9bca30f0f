import type { FastifyInstance, FastifyRequest } from 'fastify';
import { allows, type Principal, type Role } from '../../core/auth/role.js';
import { AppError } from '../../core/errors/app-error.js';
import type { HttpServices } from '../services.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

/** Every route registered in `app` (the /api scope) requires a valid bearer token. */
export function requireToken(app: FastifyInstance, services: Pick<HttpServices, 'authenticate'>): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request) => {
    request.principal = await services.authenticate(request.headers.authorization);
  });
}

/** The caller, who must hold `role` (admins hold every role). */
export function requireRole(request: FastifyRequest, role: Role): Principal {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthorized', 'Authentication required');
  if (!allows(principal, role)) throw new AppError('forbidden', `This action needs the ${role} role`);
  return principal;
}
