import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/core/ports/blob-store.js';

async function readAll(stream: AsyncIterable<Uint8Array> | undefined): Promise<Buffer | undefined> {
  if (!stream) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** What every BlobStore must do; run against each implementation (filesystem, S3 over its fake). */
export function describeBlobStore(name: string, store: () => BlobStore): void {
  describe(`BlobStore conformance: ${name}`, () => {
    it('stores bytes and reads them back unchanged', async () => {
      const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13, 37, 80, 68, 70]);
      await store().put('documents/conformance-a', bytes, 'application/pdf');
      expect(await readAll(await store().open('documents/conformance-a'))).toEqual(bytes);
    });

    it('replaces what a key held', async () => {
      await store().put('documents/conformance-b', Buffer.from('first'), 'text/plain');
      await store().put('documents/conformance-b', Buffer.from('second'), 'text/plain');
      expect((await readAll(await store().open('documents/conformance-b')))?.toString()).toBe('second');
    });

    it('answers undefined for a key that holds nothing', async () => {
      expect(await store().open('documents/never-stored')).toBeUndefined();
    });

    it('deletes, and deleting again or a missing key is fine', async () => {
      await store().put('documents/conformance-c', Buffer.from('gone soon'), 'text/plain');
      await store().delete('documents/conformance-c');
      expect(await store().open('documents/conformance-c')).toBeUndefined();
      await store().delete('documents/conformance-c');
      await store().delete('documents/never-stored');
    });

    it('keeps a 3 MiB file intact', async () => {
      const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
      bytes[12345] = 42;
      await store().put('documents/conformance-large', bytes, 'application/octet-stream');
      const back = await readAll(await store().open('documents/conformance-large'));
      expect(back?.length).toBe(bytes.length);
      expect(back?.equals(bytes)).toBe(true);
    });
  });
}
