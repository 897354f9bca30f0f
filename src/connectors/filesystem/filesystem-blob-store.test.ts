import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeBlobStore } from '../../../test/conformance/blob-store.js';
import { filesystemBlobStore } from './filesystem-blob-store.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-blobs-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describeBlobStore('filesystem', () => filesystemBlobStore(root));

describe('filesystem blob store', () => {
  const store = filesystemBlobStore(root);

  it('writes one owner-only file per key and removes it from disk on delete', async () => {
    await store.put('documents/on-disk', Buffer.from('%PDF-1.4'), 'application/pdf');
    const file = path.join(root, 'documents', 'on-disk');
    expect(fs.readFileSync(file, 'utf8')).toBe('%PDF-1.4');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(root, 'documents')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await store.delete('documents/on-disk');
    expect(fs.existsSync(file)).toBe(false);
  });

  it.each(['../escape', '/etc/passwd', 'documents/../../x', 'documents//x', '.hidden', ''])(
    'refuses the key %j',
    async (key) => {
      await expect(store.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow('invalid blob key');
    },
  );
});
