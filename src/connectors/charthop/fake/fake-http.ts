import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Small node:http helpers; the fake depends on nothing but node:*, zod and its connector's schemas, and
 * fakes may not import each other (.dependency-cruiser.cjs), hence a copy per fake.
 */

export const MAX_BODY_BYTES = 25 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
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

/** A JSON object body, or undefined when it is not one. */
export function parseJsonObject(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
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
    return await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined;
  }
}
