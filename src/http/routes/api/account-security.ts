import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  changePasswordRequestSchema,
  createApiTokenRequestSchema,
  type ApiTokenView,
  type ResetLinkResponse,
} from '../../../contract/account-security.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import type { ApiTokenRecord } from '../../../core/ports/api-token-store.js';
import { requireCaller, requireRole } from '../../plugins/authenticate.js';
import { readSessionCookie } from '../../plugins/session-cookie.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(200) });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const toView = (t: ApiTokenRecord): ApiTokenView => ({
  id: t.id,
  name: t.name,
  role: t.role,
  createdAt: new Date(t.createdAt).toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
  userId: t.userId,
});

/** Own password, deactivation and API tokens (admins, except the password, which is anyone's own). */
export function accountSecurityRoutes(app: FastifyInstance, services: HttpServices): void {
  const lifecycle = services.accountSecurity;
  app.post('/api/v1/me/password', async (request, reply) => {
    const principal = requireCaller(request);
    if (principal.kind !== 'user')
      // Like GET /auth/session: only a signed-in user has a password of their own.
      throw new AppError('unauthorized', 'API tokens have no password; sign in as the user to change it');
    const body = parseInput(changePasswordRequestSchema, request.body, 'body');
    await lifecycle.changePassword({
      ...body,
      userId: principal.id,
      keepCookie: readSessionCookie(request, services.publicUrl),
      principal,
    });
    return reply.status(204).send();
  });
  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(`/api/v1/users/:id/${action}`, async (request) => {
      const principal = requireRole(request, 'admin');
      const { id } = parseInput(idParams, request.params, 'params');
      const user = await lifecycle.setUserActive({ userId: id, active, principal });
      return { id: user.id, active };
    });
  }
  app.post('/api/v1/users/:id/reset-link', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const link = await lifecycle.createResetLink({ userId: id, principal });
    const answer: ResetLinkResponse = { resetUrl: link.resetUrl, expiresAt: iso(link.expiresAt)! };
    return reply.status(201).send(answer);
  });
  app.get('/api/v1/tokens', async (request) => {
    requireRole(request, 'admin');
    return { items: (await lifecycle.listApiTokens()).map(toView) };
  });
  app.post('/api/v1/tokens', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const body = parseInput(createApiTokenRequestSchema, request.body, 'body');
    const created = await lifecycle.createApiToken({ ...body, principal });
    return reply.status(201).send({ ...toView(created), token: created.token });
  });
  app.delete('/api/v1/tokens/:id', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    if (!(await lifecycle.revokeApiToken({ id, principal }))) throw notFound('Active API token');
    return reply.status(204).send();
  });
}
