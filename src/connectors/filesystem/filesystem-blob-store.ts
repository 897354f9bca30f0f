import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from '../../core/ports/blob-store.js';

/** Keys are relative paths of plain segments; anything else (.., absolute, odd characters) is a bug. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

function fileOf(root: string, key: string): string {
  if (!KEY.test(key)) throw new Error('invalid blob key');
  return path.join(root, ...key.split('/'));
}

/**
 * The default blob store: one file per key under `root` (DATA_DIR/blobs), written to a temporary
 * name, flushed, then renamed into place, so a crash never leaves a half-written document under its key.
 * Files are readable by the owner only (they hold personal documents).
 */
export function filesystemBlobStore(root: string): BlobStore {
  return {
    put: async (key, bytes) => {
      const file = fileOf(root, key);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await fs.open(temp, 'w', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.rename(temp, file);
      } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
      }
    },
    open: async (key) => {
      const file = fileOf(root, key);
      try {
        const handle = await fs.open(file, 'r');
        // The stream closes the handle when it ends or is destroyed.
        return handle.createReadStream();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    delete: async (key) => {
      await fs.rm(fileOf(root, key), { force: true });
    },
  };
}
