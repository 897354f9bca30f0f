import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks v1 symmetric signatures (hris-apis.md §7): HMAC-SHA256 over
 * `{webhook-id}.{webhook-timestamp}.{body}` with the secret's base64-decoded bytes, sent as
 * `v1,<base64>`. Hand-written on node:crypto rather than the `standardwebhooks` package: the whole
 * algorithm is these few lines, and the package reads the wall clock itself, which our signing must not.
 */
const PREFIX = 'whsec_';

/** A fresh secret as receivers paste it: `whsec_` + base64 of 32 random bytes (the spec asks 24–64). */
export function newSigningSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

export function isSigningSecret(text: string): boolean {
  if (!text.startsWith(PREFIX)) return false;
  const raw = text.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(raw)) return false;
  const bytes = Buffer.from(raw, 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

/** The `webhook-signature` value for one attempt. `id` and `timestamp` must not contain '.'. */
export function signStandardWebhook(
  secret: string,
  message: { id: string; timestampSeconds: number; body: string },
): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  const signed = `${message.id}.${message.timestampSeconds}.${message.body}`;
  return `v1,${createHmac('sha256', key).update(signed, 'utf8').digest('base64')}`;
}
