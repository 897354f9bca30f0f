import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { allows, type Principal, type Role } from '../../core/auth/role.js';
import { AppError } from '../../core/errors/app-error.js';
import type { HttpServices } from '../services.js';
import { checkCsrfToken, checkOrigin, isStateChanging } from './csrf.js';
import { clearSessionCookie, readSessionCookie } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyContextConfig {
    /** Who may call a route of the authenticated /api scope (see RouteAccess). */
    access?: RouteAccess;
  }
}

/**
 * Who may call an authenticated route, declared with its schemas (`config: { access: 'admin' }`):
 * a role (admins hold every role; a viewer may GET), a role that guards a secret even on GET (not for
 * viewers), or any caller at all. Checked before the request is validated, so a caller without the role
 * gets 403 whatever they sent, and written into the OpenAPI document. `session`: a signed-in user of any
 * role acting on their own account (an API token is not a person: 401).
 */
export type RouteAccess = Role | 'caller' | 'session' | { readonly role: Role; readonly secret: true };

/** The OpenAPI security schemes (see api-docs.ts): a bearer API token, or the session cookie. */
const BEARER = { apiToken: [] };
const readSecurity = [BEARER, { sessionCookie: [] }];
/** A cookie-authenticated change also needs the session's CSRF token in X-CSRF-Token. */
const changeSecurity = [BEARER, { sessionCookie: [], csrfToken: [] }];

const changes = (route: RouteOptions) =>
  [route.method].flat().some((method) => method !== 'GET' && method !== 'HEAD');

function securityOf(route: RouteOptions, access: RouteAccess | undefined) {
  const security = changes(route) ? changeSecurity : readSecurity;
  // A person's own account: the session only (API tokens answer 401).
  return access === 'session' ? security.filter((way) => !('apiToken' in way)) : security;
}

/** Words for the document: who may call the route. */
function describeAccess(access: RouteAccess): string {
  if (access === 'caller') return 'any caller (every role)';
  if (access === 'session') return 'a signed-in user, on their own account (not an API token)';
  if (typeof access === 'object') return `${access.role} role only (a secret: viewers may not read it)`;
  return `${access} role (admins hold every role; viewers may read)`;
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
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    // The document says what this hook enforces: every route here needs a token or a session.
    route.schema = {
      ...route.schema,
      security: securityOf(route, access),
      ...(access === undefined ? {} : { 'x-access': describeAccess(access) }),
    };
    if (access === undefined || access === 'caller') return;
    const check = access === 'session' ? requireUser : roleCheck(access);
    route.preValidation = [check, ...[route.preValidation ?? []].flat()];
  });
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

const roleCheck = (access: Role | { readonly role: Role; readonly secret: true }) => {
  const [role, secret] = typeof access === 'object' ? [access.role, true] : [access, false];
  return async (request: FastifyRequest) => {
    requireRole(request, role, { secret });
  };
};

async function requireUser(request: FastifyRequest): Promise<void> {
  // Like GET /auth/session: only a signed-in user has an account of their own (a password).
  if (requireCaller(request).kind !== 'user')
    throw new AppError('unauthorized', 'API tokens have no password; sign in as the user to change it');
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

/**
 * Routes of `app` need no caller (sign-in, the webhook, signed links, the API document): written into the
 * OpenAPI document as such, unless a route declared its own `security` (a route reading the session).
 */
export function markPublic(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, security: route.schema?.security ?? [] };
  });
}
