import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Download links that work without signing in, for a limited time: what a destination (the webhook's
 * receiver, an HR system fetching by URL) uses to fetch a member's document. The token names the document,
 * its member and the expiry, and carries an HMAC-SHA256 under a key derived from the master key, so every
 * HireBridge instance of a deployment accepts the links of the others.
 */
export interface LinkSigner {
  sign(link: { documentId: string; memberId: string; expiresAt: number }): string;
  /** The link's document and member, or undefined when the token is forged, malformed or expired. */
  verify(token: string, now: number): { documentId: string; memberId: string } | undefined;
}

export function createLinkSigner(masterKey: Buffer): LinkSigner {
  const key = createHmac('sha256', masterKey).update('hirebridge document links v1').digest();
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign: ({ documentId, memberId, expiresAt }) => {
      const payload = Buffer.from(JSON.stringify([documentId, memberId, expiresAt])).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify: (token, now) => {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return undefined;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const [documentId, memberId, expiresAt] = JSON.parse(
          Buffer.from(payload, 'base64url').toString(),
        ) as [unknown, unknown, unknown];
        if (typeof documentId !== 'string' || typeof memberId !== 'string' || typeof expiresAt !== 'number')
          return undefined;
        return expiresAt > now ? { documentId, memberId } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
