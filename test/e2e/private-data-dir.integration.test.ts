import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { capturedLog } from '../support/captured-log.js';
import { startTestServer } from '../support/test-server.js';
import { filesystemBlobStore } from '../../src/connectors/filesystem/filesystem-blob-store.js';
import { createContainer } from '../../src/main/container.js';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Every entry under `root` (itself included) with its permission bits. */
function modes(root: string): Record<string, number> {
  const out: Record<string, number> = { '.': modeOf(root) };
  for (const entry of fs.readdirSync(root, { recursive: true }) as string[])
    out[entry] = modeOf(path.join(root, entry));
  return out;
}

// The files are SQLite's (the PostgreSQL database lives elsewhere), so SQLite is the dialect here.
describe('DATA_DIR is private to the service user', () => {
  let parent: string;
  let previousUmask: number;
  beforeAll(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-private-'));
    // The most open umask there is: nothing may come out readable to others anyway.
    previousUmask = process.umask(0);
  });
  afterAll(() => {
    process.umask(previousUmask);
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('creates the folder 0700 and the database, -wal, -shm, key and blobs 0600, whatever the umask', async () => {
    const dataDir = path.join(parent, 'data');
    const server = await startTestServer('sqlite', {
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${path.join(dataDir, 'hirebridge.sqlite')}`,
    });
    try {
      await server.token('admin'); // a write, so the WAL has content
      await filesystemBlobStore(path.join(dataDir, 'blobs')).put(
        'docs/a/offer.pdf',
        Buffer.from('%PDF'),
        'application/pdf',
      );
      const found = modes(dataDir);
      expect(Object.keys(found)).toEqual(
        expect.arrayContaining([
          'hirebridge.sqlite',
          'hirebridge.sqlite-wal',
          'hirebridge.sqlite-shm',
          'secret.key',
          'blobs/docs/a/offer.pdf',
        ]),
      );
      for (const [entry, mode] of Object.entries(found)) {
        const isDir = fs.statSync(path.join(dataDir, entry)).isDirectory();
        expect(mode.toString(8), entry).toBe(isDir ? '700' : '600');
      }
    } finally {
      await server.dispose();
    }
  });

  it('warns at start when existing files are more open than that', async () => {
    const dataDir = path.join(parent, 'old');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'hirebridge.sqlite'), '', { mode: 0o644 });
    const log = capturedLog('warn');
    const container = createContainer(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), {
      logger: log.logger,
    });
    await container.close();
    const warning = log.entries().find((e) => String(e['msg']).includes('chmod -R go-rwx'));
    expect(warning).toMatchObject({
      level: 40,
      count: 2,
      examples: expect.arrayContaining(['hirebridge.sqlite']),
    });
  });
});
