import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/test-server.js';

/** A stand-in build of the admin app: the serving rules do not depend on what Vite produced. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-ui-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  return dir;
}

describe('serving the admin web app', () => {
  let server: TestServer;
  let uiDir: string;
  beforeAll(async () => {
    uiDir = fakeBuild();
    server = await startTestServer('sqlite', { ADMIN_UI_DIR: uiDir });
  });
  afterAll(async () => {
    await server.dispose();
    fs.rmSync(uiDir, { recursive: true, force: true });
  });

  it('serves the app at / and at its own deep links, never cached, under a CSP without inline scripts', async () => {
    for (const url of ['/', '/new-hires/abc', '/integrations?x=1']) {
      const response = await fetch(`${server.url}${url}`);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('caches hashed assets for a year and keeps API and webhook 404s as JSON', async () => {
    const asset = await fetch(`${server.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    for (const url of ['/api/v1/nope', '/webhooks/nope']) {
      const response = await fetch(`${server.url}${url}`);
      expect(response.status, url).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
    // A POST to an app path is not a page request.
    expect((await fetch(`${server.url}/new-hires`, { method: 'POST' })).status).toBe(404);
  });

  it('says how to build the app when it is not built', async () => {
    const bare = await startTestServer('sqlite', { ADMIN_UI_DIR: path.join(uiDir, 'not-there') });
    try {
      const response = await fetch(`${bare.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build');
    } finally {
      await bare.dispose();
    }
  });
});
