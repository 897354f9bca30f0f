import { AppError } from '../../core/errors/app-error.js';

/**
 * Reads a response body into memory with a hard byte limit. `response.arrayBuffer()` has no limit, so a
 * hostile or broken upstream could send a gigabyte and take the worker down; here the stream is read
 * chunk by chunk and cancelled as soon as the limit is passed. A declared `Content-Length` above the
 * limit fails before reading anything.
 *
 * Too large is classed permanent: the same request would get the same oversized answer.
 */
export async function readBodyCapped(
  response: Response,
  maxBytes: number,
  endpoint: string,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new AppError('upstream_permanent', `${endpoint}: response larger than ${maxBytes} bytes`, {
      details: { endpoint, status: response.status, reason: 'response_too_large' },
    });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discardBody(response);
    throw tooLarge();
  }
  const body = response.body;
  if (!body) return new Uint8Array(0);
  const reader: ReadableStreamDefaultReader<Uint8Array> = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

/** Frees the connection of a response whose body we do not need. Never throws. */
export async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already consumed or errored: nothing left to free.
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
