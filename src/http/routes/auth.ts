import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ActiveSession, SignedIn } from '../../app/sign-in-deps.js';
import {
  acceptInviteRequestSchema,
  loginRequestSchema,
  resetPasswordRequestSchema,
  setupRequestSchema,
  viewInviteRequestSchema,
  type AuthStateResponse,
  type InviteResponse,
  type ResetLinkResponse,
  type SessionResponse,
} from '../../contract/auth.js';
import { AppError } from '../../core/errors/app-error.js';
import { mayManageInbox } from '../../core/model/user.js';
import { checkCsrfToken, checkOrigin, isStateChanging } from '../plugins/csrf.js';
import { acceptOnlyJson } from '../plugins/json-body.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../plugins/session-cookie.js';
import type { HttpServices } from '../services.js';
import { parseInput } from '../validate.js';

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

  app.get('/api/v1/auth/state', async (): Promise<AuthStateResponse> => auth.state());

  app.post('/api/v1/auth/setup', async (request, reply) => {
    const body = parseInput(setupRequestSchema, request.body, 'body');
    return signedIn(reply, 201, await auth.setup(body));
  });

  app.post('/api/v1/auth/login', async (request, reply) => {
    const body = parseInput(loginRequestSchema, request.body, 'body');
    return signedIn(reply, 200, await auth.login({ ...body, address: request.ip }));
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const cookie = readSessionCookie(request, publicUrl);
    const session = cookie === undefined ? undefined : await auth.resume(cookie);
    // Only a live session needs the CSRF token: otherwise there is nothing to end but a stale cookie.
    if (cookie !== undefined && session) {
      checkCsrfToken(request, session.csrfToken);
      await auth.logout(cookie);
    }
    clearSessionCookie(reply, publicUrl);
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/session', async (request, reply) => {
    const cookie = readSessionCookie(request, publicUrl);
    const session = cookie === undefined ? undefined : await auth.resume(cookie);
    if (!session) {
      if (cookie !== undefined) clearSessionCookie(reply, publicUrl);
      throw new AppError('unauthorized', 'Not signed in');
    }
    reply.header('cache-control', 'no-store');
    return sessionBody(session);
  });

  app.post('/api/v1/auth/invites/view', async (request): Promise<InviteResponse> => {
    const { token } = parseInput(viewInviteRequestSchema, request.body, 'body');
    const invite = await auth.viewInvite(token);
    return { email: invite.email, name: invite.name, role: invite.role };
  });

  // Reset links, like invites: the token in a POST body, never in a logged path.
  // The setup page asks before showing its form, so a spent link says why instead of a form that fails.
  app.post('/api/v1/auth/setup/view', async (request) => {
    const { token } = parseInput(viewInviteRequestSchema, request.body, 'body');
    await auth.viewSetupLink(token);
    return { valid: true };
  });

  app.post('/api/v1/auth/resets/view', async (request): Promise<ResetLinkResponse> => {
    const { token } = parseInput(viewInviteRequestSchema, request.body, 'body');
    return auth.viewResetLink(token);
  });

  app.post('/api/v1/auth/resets/accept', async (request, reply) => {
    const input = parseInput(resetPasswordRequestSchema, request.body, 'body');
    return signedIn(reply, 201, await auth.resetPassword(input));
  });

  app.post('/api/v1/auth/invites/accept', async (request, reply) => {
    const { token, name, password } = parseInput(acceptInviteRequestSchema, request.body, 'body');
    return signedIn(
      reply,
      201,
      await auth.acceptInvite({ token, password, ...(name === undefined ? {} : { name }) }),
    );
  });
}
