import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ActiveSession, SignedIn } from '../../app/sign-in-deps.js';
import {
  acceptInviteRequestSchema,
  authStateResponseSchema,
  inviteResponseSchema,
  loginRequestSchema,
  resetLinkResponseSchema,
  resetPasswordRequestSchema,
  sessionResponseSchema,
  setupLinkValidSchema,
  setupRequestSchema,
  viewInviteRequestSchema,
  type SessionResponse,
} from '../../contract/auth.js';
import { emptyBodySchema, noContentSchema } from '../../contract/common.js';
import { AppError } from '../../core/errors/app-error.js';
import { mayManageInbox } from '../../core/model/user.js';
import { checkCsrfToken, checkOrigin, isStateChanging } from '../plugins/csrf.js';
import { acceptOnlyJson } from '../plugins/json-body.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../plugins/session-cookie.js';
import type { HttpServices } from '../services.js';

const sessionBody = (s: SignedIn | ActiveSession): SessionResponse => ({
  user: {
    id: s.user.id,
    email: s.user.email,
    name: s.user.name,
    role: s.user.role,
    mayManageInbox: mayManageInbox(s.user.role),
  },
  csrfToken: s.csrfToken,
});

/**
 * Sign-in, public: these routes need no token or session (they make sessions). Bodies are JSON only,
 * and a request naming a foreign Origin is refused, so other sites cannot sign a browser in or out.
 * Registered in their own scope, outside the authenticated /api scope.
 */
export function authRoutes(app: FastifyInstance, services: Pick<HttpServices, 'auth' | 'publicUrl'>): void {
  const { auth, publicUrl } = services;
  acceptOnlyJson(app);
  // Invites name people, sessions carry CSRF tokens: no cache may keep any of these answers.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  app.addHook('onRequest', async (request) => {
    if (isStateChanging(request)) checkOrigin(request, publicUrl);
  });
  const signedIn = (reply: FastifyReply, status: number, s: SignedIn) => {
    setSessionCookie(reply, s.cookie, publicUrl, s.maxAgeSeconds);
    return reply.status(status).send(sessionBody(s));
  };

  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Sign-in'];
  api.get(
    '/api/v1/auth/state',
    {
      schema: {
        tags,
        summary: 'Whether the first admin is still to be created',
        response: { 200: authStateResponseSchema },
      },
    },
    async () => auth.state(),
  );

  api.post(
    '/api/v1/auth/setup',
    {
      schema: {
        tags,
        summary: 'Create the first admin with the setup link printed at start, and sign in',
        body: setupRequestSchema,
        response: { 201: sessionResponseSchema },
      },
    },
    async (request, reply) => signedIn(reply, 201, await auth.setup(request.body)),
  );

  api.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in',
        body: loginRequestSchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) =>
      signedIn(reply, 200, await auth.login({ ...request.body, address: request.ip })),
  );

  api.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out (with a live session cookie, send its X-CSRF-Token)',
        body: emptyBodySchema,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      const cookie = readSessionCookie(request, publicUrl);
      const session = cookie === undefined ? undefined : await auth.resume(cookie);
      // Only a live session needs the CSRF token: otherwise there is nothing to end but a stale cookie.
      if (cookie !== undefined && session) {
        checkCsrfToken(request, session.csrfToken);
        await auth.logout(cookie);
      }
      clearSessionCookie(reply, publicUrl);
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in user and the CSRF token their page sends on every change',
        // The session cookie only: API tokens are not sessions.
        security: [{ sessionCookie: [] }],
        'x-access': 'a signed-in user (API tokens are not sessions)',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const cookie = readSessionCookie(request, publicUrl);
      const session = cookie === undefined ? undefined : await auth.resume(cookie);
      if (!session) {
        if (cookie !== undefined) clearSessionCookie(reply, publicUrl);
        throw new AppError('unauthorized', 'Not signed in');
      }
      reply.header('cache-control', 'no-store');
      return sessionBody(session);
    },
  );

  api.post(
    '/api/v1/auth/invites/view',
    {
      schema: {
        tags,
        summary: 'Who an invite is for (the token travels in the body, never in a logged URL)',
        body: viewInviteRequestSchema,
        response: { 200: inviteResponseSchema },
      },
    },
    async (request) => {
      const invite = await auth.viewInvite(request.body.token);
      return { email: invite.email, name: invite.name, role: invite.role };
    },
  );

  // Reset links, like invites: the token in a POST body, never in a logged path.
  // The setup page asks before showing its form, so a spent link says why instead of a form that fails.
  api.post(
    '/api/v1/auth/setup/view',
    {
      schema: {
        tags,
        summary: 'Whether a setup link is still good',
        body: viewInviteRequestSchema,
        response: { 200: setupLinkValidSchema },
      },
    },
    async (request) => {
      await auth.viewSetupLink(request.body.token);
      return { valid: true as const };
    },
  );

  api.post(
    '/api/v1/auth/resets/view',
    {
      schema: {
        tags,
        summary: 'Whose password a reset link sets',
        body: viewInviteRequestSchema,
        response: { 200: resetLinkResponseSchema },
      },
    },
    async (request) => auth.viewResetLink(request.body.token),
  );

  api.post(
    '/api/v1/auth/resets/accept',
    {
      schema: {
        tags,
        summary: 'Choose a new password with a reset link, and sign in',
        body: resetPasswordRequestSchema,
        response: { 201: sessionResponseSchema },
      },
    },
    async (request, reply) => signedIn(reply, 201, await auth.resetPassword(request.body)),
  );

  api.post(
    '/api/v1/auth/invites/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invite: choose a password, and sign in',
        body: acceptInviteRequestSchema,
        response: { 201: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const { token, name, password } = request.body;
      return signedIn(
        reply,
        201,
        await auth.acceptInvite({ token, password, ...(name === undefined ? {} : { name }) }),
      );
    },
  );
}
