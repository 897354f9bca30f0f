import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_ABSOLUTE_MS } from '../../core/auth/session.js';

/**
 * The session cookie. HttpOnly (page scripts cannot read it), SameSite=Strict (browsers do not send it
 * on requests started by other sites), Path=/, and Secure when PUBLIC_URL is https. It lives as long as
 * the session's absolute limit; the server ends it sooner when idle or signed out.
 */
export const SESSION_COOKIE = 'hb_session';

// Our values are base64url; anything else is not one of ours and is ignored rather than looked up.
const VALUE = /^[A-Za-z0-9_-]{20,200}$/;

/** The session cookie's value from the Cookie header, if there is a well-formed one. */
export function readSessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (VALUE.test(value)) return value;
  }
  return undefined;
}

const attributes = (secure: boolean) => `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;

const isHttps = (publicUrl: string) => publicUrl.toLowerCase().startsWith('https:');

export function setSessionCookie(reply: FastifyReply, value: string, publicUrl: string): void {
  const maxAge = Math.floor(SESSION_ABSOLUTE_MS / 1000);
  reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=${value}; Max-Age=${maxAge}; ${attributes(isHttps(publicUrl))}`,
  );
  // The answer carries a session: no cache may keep it.
  reply.header('cache-control', 'no-store');
}

export function clearSessionCookie(reply: FastifyReply, publicUrl: string): void {
  reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${attributes(isHttps(publicUrl))}`,
  );
}
