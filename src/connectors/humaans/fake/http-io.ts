import type { IncomingMessage, ServerResponse } from 'node:http';

/** node:http helpers; the fake uses node:http rather than Fastify so it depends on node:* and zod only. */
export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
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

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(bytes.length),
  });
  res.end(bytes);
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
