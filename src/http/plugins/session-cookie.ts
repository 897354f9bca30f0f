import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The session cookie. HttpOnly (page scripts cannot read it), SameSite=Strict (browsers do not send it
 * on requests started by other sites), Path=/. When PUBLIC_URL is https it is also Secure and named with
 * the `__Host-` prefix, which browsers only accept from a secure origin, for Path=/ and without a
 * Domain: a sibling subdomain or a plain-http page cannot plant or overwrite it. It lives as long as the
 * session's absolute limit; the server ends it sooner when idle or signed out.
 */
export const SESSION_COOKIE = 'hb_session';
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

// Our values are base64url; anything else is not one of ours and is ignored rather than looked up.
const VALUE = /^[A-Za-z0-9_-]{20,200}$/;

const isHttps = (publicUrl: string) => publicUrl.toLowerCase().startsWith('https:');

/** The cookie's name under this PUBLIC_URL. */
export const sessionCookieName = (publicUrl: string) =>
  isHttps(publicUrl) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;

/**
 * The session cookie's value from the Cookie header, if there is a well-formed one. Hand-written on
 * purpose, re-checked on Node 24 against the `cookie` package (v2, Node 22+): its parser keeps only the
 * first of several cookies with one name, while a browser sends one per matching path, so a cookie
 * planted on another path could shadow the session; here the first well-formed one wins.
 */
export function readSessionCookie(request: FastifyRequest, publicUrl: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const name = sessionCookieName(publicUrl);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (VALUE.test(value)) return value;
  }
  return undefined;
}

const attributes = (secure: boolean) => `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;

export function setSessionCookie(
  reply: FastifyReply,
  value: string,
  publicUrl: string,
  maxAgeSeconds: number,
): void {
  reply.header(
    'set-cookie',
    `${sessionCookieName(publicUrl)}=${value}; Max-Age=${Math.floor(maxAgeSeconds)}; ${attributes(isHttps(publicUrl))}`,
  );
  // The answer carries a session: no cache may keep it.
  reply.header('cache-control', 'no-store');
}

export function clearSessionCookie(reply: FastifyReply, publicUrl: string): void {
  reply.header(
    'set-cookie',
    `${sessionCookieName(publicUrl)}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${attributes(isHttps(publicUrl))}`,
  );
}
