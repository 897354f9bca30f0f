import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors/error-code.js';
import { capturedLog } from '../../test/support/captured-log.js';
import { httpCall } from '../../test/support/session-client.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

/** A GET with the path sent exactly as written (URL objects would resolve `..` before sending). */
function rawGet(
  baseUrl: string,
  path: string,
): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    http
      .get({ host: hostname, port, path, agent: false }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as never }),
        );
      })
      .on('error', reject);
  });
}

// No database is involved beyond start-up, so one dialect is enough.
describe('client errors caught by the framework', () => {
  let server: TestServer;
  const log = capturedLog('info');

  // A stand-in for the built admin app, so /assets is served by the static plugin whether or not
  // `npm run build` ran before the tests.
  const adminUiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-admin-ui-'));

  beforeAll(async () => {
    fs.mkdirSync(path.join(adminUiDir, 'assets'));
    fs.writeFileSync(path.join(adminUiDir, 'index.html'), '<!doctype html><title>HireBridge</title>');
    fs.writeFileSync(path.join(adminUiDir, 'assets', 'app.js'), '');
    server = await startTestServer(
      'sqlite',
      { LOG_LEVEL: 'info', ADMIN_UI_DIR: adminUiDir },
      { logger: log.logger },
    );
  });
  afterAll(async () => {
    await server.dispose();
    fs.rmSync(adminUiDir, { recursive: true, force: true });
  });

  it('answer 4xx with a closed error code, logged at info without a stack', async () => {
    const token = await server.token('admin');
    const bearer = { authorization: `Bearer ${token}` };
    const answers = [
      ['.. on /assets', await rawGet(server.url, '/assets/../../../../etc/passwd')],
      ['encoded .. on /assets', await rawGet(server.url, '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd')],
      ['NUL in a path', await rawGet(server.url, '/assets/x%00y')],
      ['bad percent-encoding', await rawGet(server.url, '/assets/%E0%A4%A')],
      [
        'bad JSON',
        await httpCall(server.url, 'POST', '/api/v1/users', {
          raw: { contentType: 'application/json', text: '{"email":' },
          headers: bearer,
        }),
      ],
      [
        'a form instead of JSON',
        await httpCall(server.url, 'POST', '/api/v1/auth/login', {
          raw: { contentType: 'application/x-www-form-urlencoded', text: 'email=a&password=b' },
        }),
      ],
    ] as const;
    for (const [what, answer] of answers) {
      expect(answer.status, what).toBeGreaterThanOrEqual(400);
      expect(answer.status, what).toBeLessThan(500);
      expect(Object.keys(ERROR_CODES), what).toContain(answer.body.error.code);
      expect(answer.body.error.message, what).not.toMatch(/internal|FST_/i);
    }
    expect(answers[0][1].body.error.code).toBe('forbidden');
    expect(answers[3][1].body.error.code).toBe('validation_failed');
    expect(answers[5][1].status).toBe(415);

    const entries = log.entries();
    expect(entries.filter((e) => Number(e['level']) >= 40)).toEqual([]);
    expect(log.text()).not.toContain('stack');
    expect(entries.filter((e) => e['msg'] === 'client error').length).toBeGreaterThanOrEqual(4);
  });
});
