import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../core/errors/app-error.js';
import type { SecretBox } from '../core/ports/secret-box.js';

const VERSION = 'hb1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts secrets (API keys, webhook secrets) before they are stored: AES-256-GCM with a random
 * 96-bit nonce and a 16-byte tag. The `context` string is bound as additional authenticated data, so a
 * ciphertext copied to another row or column fails to open. The key id in the output lets a later key
 * rotation tell which key sealed a value.
 *
 * Written on node:crypto rather than a library: it is twenty lines over the standard primitive, and
 * every choice (nonce size, tag length, AAD) is one the reliability reference pins down.
 */

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('secret key must be 32 bytes');
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return {
    seal(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}:${keyId}:${nonce.toString('base64url')}:${body.toString('base64url')}`;
    },
    open(sealed, context) {
      const parts = sealed.split(':');
      if (parts.length !== 4 || parts[0] !== VERSION) throw cannotOpen('unknown format');
      const [, id, nonceText, bodyText] = parts as [string, string, string, string];
      if (id !== keyId) throw cannotOpen('sealed with a different key');
      const nonce = Buffer.from(nonceText, 'base64url');
      const body = Buffer.from(bodyText, 'base64url');
      if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) throw cannotOpen('truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw cannotOpen('authentication failed');
      }
    },
  };
}

// Fails closed with a message that never includes the sealed value.
function cannotOpen(reason: string): AppError {
  return new AppError('internal', `A stored secret could not be decrypted (${reason})`, { retryable: false });
}
