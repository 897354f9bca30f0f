import type { FastifyInstance, FastifyRequest } from 'fastify';
import { allows, type Principal, type Role } from '../../core/auth/role.js';
import { AppError } from '../../core/errors/app-error.js';
import type { HttpServices } from '../services.js';
import { checkCsrfToken, checkOrigin, isStateChanging } from './csrf.js';
import { clearSessionCookie, readSessionCookie } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

/**
 * Every route registered in `app` (the /api scope) requires a caller: an API token in
 * `Authorization: Bearer` (scripts; no CSRF check, since a browser never adds that header by itself), or
 * else the session cookie of a signed-in user. A cookie is ambient (the browser sends it on its own), so
 * a cookie-authenticated change must also pass the Origin check and carry the session's X-CSRF-Token.
 */
export function requireAuthentication(
  app: FastifyInstance,
  services: Pick<HttpServices, 'authenticate' | 'auth' | 'publicUrl'>,
): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request, reply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      request.principal = await services.authenticate(authorization);
      return;
    }
    const cookie = readSessionCookie(request, services.publicUrl);
    if (cookie === undefined)
      throw new AppError('unauthorized', 'Sign in, or send an API token as "Authorization: Bearer <token>"');
    if (isStateChanging(request)) checkOrigin(request, services.publicUrl);
    const session = await services.auth.resume(cookie);
    if (!session) {
      clearSessionCookie(reply, services.publicUrl);
      throw new AppError('unauthorized', 'Your session has ended; sign in again');
    }
    if (isStateChanging(request)) checkCsrfToken(request, session.csrfToken);
    request.principal = session.principal;
  });
}

/** The caller, whoever it is (any role, a viewer too). */
export function requireCaller(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthorized', 'Authentication required');
  return principal;
}

/**
 * The caller, who must hold `role` (admins hold every role). A GET is a read, which a viewer may do too
 * (they see everything and change nothing); `secret` keeps a GET that reveals a secret to the role.
 */
export function requireRole(
  request: FastifyRequest,
  role: Role,
  options: { readonly secret?: boolean } = {},
): Principal {
  const principal = requireCaller(request);
  const read = (request.method === 'GET' || request.method === 'HEAD') && options.secret !== true;
  if (!allows(principal, role, read ? 'read' : 'change'))
    throw new AppError('forbidden', `This action needs the ${role} role`);
  return principal;
}
