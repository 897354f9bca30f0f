import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The node:http helpers every fake shares (the Ashby simulator and the HR-system fakes). Fakes use
 * node:http rather than Fastify so that they depend on nothing but node:*, zod and their connector's
 * schemas; this one file is what they have in common.
 */
export class BodyTooLargeError extends Error {}

/** The request body; rejects with BodyTooLargeError past `limit` bytes (the rest is drained). */
export function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`body larger than ${limit} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The request body, or null when it is larger than `limit` bytes. */
export async function readBodyOrNull(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  try {
    return await readBody(req, limit);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return null;
    throw err;
  }
}

function send(
  res: ServerResponse,
  status: number,
  bytes: Buffer,
  contentType: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': String(bytes.length) });
  res.end(bytes);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, Buffer.from(JSON.stringify(body), 'utf8'), 'application/json; charset=utf-8', headers);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  send(res, status, Buffer.from(text, 'utf8'), 'text/plain; charset=utf-8', headers);
}

/** A JSON object body; undefined when it is not JSON or not an object (an empty body is `{}` if asked). */
export function parseJsonObject(
  bytes: Buffer,
  options: { readonly emptyAsObject?: boolean } = {},
): Record<string, unknown> | undefined {
  const text = bytes.toString('utf8');
  if (options.emptyAsObject === true && text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Parses multipart/form-data with the platform's own parser (undici's), not a hand-written one. */
export async function parseMultipart(bytes: Buffer, contentType: string): Promise<FormData | undefined> {
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return undefined;
  try {
    return await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined;
  }
}

/** Per-key rolling 60 s window; a refused call takes no slot, so honouring Retry-After gets through. */
export class RollingWindow {
  private readonly accepted = new Map<string, number[]>();

  take(key: string, limit: number, nowMs: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const times = (this.accepted.get(key) ?? []).filter((t) => t > nowMs - 60_000);
    if (times.length >= limit) {
      this.accepted.set(key, times);
      const oldest = times[times.length - limit] ?? nowMs;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + 60_000 - nowMs) / 1000)) };
    }
    times.push(nowMs);
    this.accepted.set(key, times);
    return { ok: true };
  }
}
