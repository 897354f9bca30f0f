import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors/app-error.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const isStateChanging = (request: FastifyRequest): boolean => STATE_CHANGING.has(request.method);

/**
 * A request that names its Origin must come from HireBridge itself: PUBLIC_URL's origin, or the Host it
 * was sent to (over http or https). Browsers send Origin on every cross-site POST, so a page elsewhere
 * cannot make a signed-in browser act (SameSite=Strict already keeps the cookie off; this is the second
 * lock). Requests without Origin (curl, scripts) pass: they carry no ambient browser credentials.
 */
export function checkOrigin(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const host = request.headers.host?.toLowerCase();
  const allowed = [new URL(publicUrl).origin, ...(host ? [`http://${host}`, `https://${host}`] : [])];
  if (!allowed.includes(origin.toLowerCase()))
    throw new AppError(
      'csrf_rejected',
      'This request came from another site (its Origin header is not HireBridge), so it was refused',
    );
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** A cookie-authenticated change must echo the session's CSRF token in X-CSRF-Token (compared in constant time). */
export function checkCsrfToken(request: FastifyRequest, expected: string): void {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent === '')
    throw new AppError(
      'csrf_rejected',
      'Send the X-CSRF-Token header with the csrfToken of GET /api/v1/auth/session on every change',
    );
  if (!timingSafeEqual(digest(sent), digest(expected)))
    throw new AppError(
      'csrf_rejected',
      'The X-CSRF-Token header does not match this session; fetch GET /api/v1/auth/session and try again',
    );
}
