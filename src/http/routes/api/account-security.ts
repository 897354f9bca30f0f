import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenSchema,
  changePasswordRequestSchema,
  createApiTokenRequestSchema,
  createdApiTokenSchema,
  resetLinkSchema,
  userActiveSchema,
  type ApiTokenView,
  type ResetLinkResponse,
} from '../../../contract/account-security.js';
import { emptyBodySchema, itemsOf, noContentSchema } from '../../../contract/common.js';
import { notFound } from '../../../core/errors/app-error.js';
import type { ApiTokenRecord } from '../../../core/ports/api-token-store.js';
import { requireCaller } from '../../plugins/authenticate.js';
import { readSessionCookie } from '../../plugins/session-cookie.js';
import type { HttpServices } from '../../services.js';

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
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['Account'],
        summary: 'Change your own password (signed-in users; your other sessions end)',
        body: changePasswordRequestSchema,
        response: { 204: noContentSchema },
      },
      config: { access: 'session' },
    },
    async (request, reply) => {
      const principal = requireCaller(request);
      await lifecycle.changePassword({
        ...request.body,
        userId: principal.id,
        keepCookie: readSessionCookie(request, services.publicUrl),
        principal,
      });
      return reply.status(204).send();
    },
  );
  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    api.post(
      `/api/v1/users/:id/${action}`,
      {
        schema: {
          tags: ['Users'],
          summary: active ? 'Let a deactivated user sign in again' : 'Deactivate a user (their sessions end)',
          params: idParams,
          body: emptyBodySchema,
          response: { 200: userActiveSchema },
        },
        config: { access: 'admin' },
      },
      async (request) => {
        const principal = requireCaller(request);
        const user = await lifecycle.setUserActive({ userId: request.params.id, active, principal });
        return { id: user.id, active };
      },
    );
  }
  api.post(
    '/api/v1/users/:id/reset-link',
    {
      schema: {
        tags: ['Users'],
        summary: 'A password reset link for a user (valid 24 hours, single use)',
        params: idParams,
        body: emptyBodySchema,
        response: { 201: resetLinkSchema },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const link = await lifecycle.createResetLink({
        userId: request.params.id,
        principal: requireCaller(request),
      });
      const answer: ResetLinkResponse = { resetUrl: link.resetUrl, expiresAt: iso(link.expiresAt)! };
      return reply.status(201).send(answer);
    },
  );
  const tags = ['API tokens'];
  api.get(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'List API tokens (never their values)',
        response: { 200: itemsOf(apiTokenSchema) },
      },
      config: { access: 'admin' },
    },
    async () => ({ items: (await lifecycle.listApiTokens()).map(toView) }),
  );
  api.post(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (its value is shown this once)',
        body: createApiTokenRequestSchema,
        response: { 201: createdApiTokenSchema },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const created = await lifecycle.createApiToken({ ...request.body, principal: requireCaller(request) });
      return reply.status(201).send({ ...toView(created), token: created.token });
    },
  );
  api.delete(
    '/api/v1/tokens/:id',
    {
      schema: { tags, summary: 'Revoke an API token', params: idParams, response: { 204: noContentSchema } },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const revoked = await lifecycle.revokeApiToken({
        id: request.params.id,
        principal: requireCaller(request),
      });
      if (!revoked) throw notFound('Active API token');
      return reply.status(204).send();
    },
  );
}
