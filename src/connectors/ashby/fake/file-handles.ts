import { createHmac, timingSafeEqual } from 'node:crypto';

export type FileHandleType = 'ResumeFile' | 'CandidateFile' | 'OfferFile';

export interface DecodedHandle {
  type: string;
  fileId: string;
  ownerId: string;
}

/**
 * File handles and download URLs, shaped like Ashby's (§3.3): a handle is unpadded base64url of
 * `{"handle":{"type","fileId","ownerId"},"signature":"<base64>","version":"1"}`. The signature is real
 * (HMAC with a per-simulator secret), so a client that edits or invents a handle gets an error, as it
 * would from Ashby. Clients must still treat handles as opaque. ('OfferFile' is our guess for offer
 * letters: the type name Ashby uses there is not documented.)
 */
export class FileHandleCodec {
  constructor(private readonly secret: string) {}

  encode(type: FileHandleType, fileId: string, ownerId: string): string {
    const signature = this.sign(`${type}:${fileId}:${ownerId}`).toString('base64');
    const json = JSON.stringify({ handle: { type, fileId, ownerId }, signature, version: '1' });
    return Buffer.from(json, 'utf8').toString('base64url');
  }

  /** The decoded handle, or 'malformed' / 'bad-signature'. */
  decode(handle: string): DecodedHandle | 'malformed' | 'bad-signature' {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(handle, 'base64url').toString('utf8'));
    } catch {
      return 'malformed';
    }
    if (!isRecord(parsed) || !isRecord(parsed['handle']) || typeof parsed['signature'] !== 'string') {
      return 'malformed';
    }
    const { type, fileId, ownerId } = parsed['handle'];
    if (typeof type !== 'string' || typeof fileId !== 'string' || typeof ownerId !== 'string') {
      return 'malformed';
    }
    const expected = this.sign(`${type}:${fileId}:${ownerId}`);
    const given = Buffer.from(parsed['signature'], 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-signature';
    return { type, fileId, ownerId };
  }

  /** Query-string signature of a short-lived download URL (like a presigned S3 link). */
  downloadSignature(fileId: string, expiresAtMs: number): string {
    return this.sign(`download:${fileId}:${expiresAtMs}`).toString('hex');
  }

  verifyDownload(fileId: string, expiresAtMs: number, signature: string): boolean {
    const expected = Buffer.from(this.downloadSignature(fileId, expiresAtMs), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(text: string): Buffer {
    return createHmac('sha256', this.secret).update(text).digest();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
