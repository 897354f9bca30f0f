import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/support/fake-clock.js';
import { httpCall, setUpFirstAdmin } from '../../test/support/session-client.js';
import { TEST_DIALECTS } from '../../test/support/test-databases.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

const HOUR = 3_600_000;
const ADMIN = { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' };

// The setup page asks this before it shows its form, so a link that cannot work says why instead.
describe.each(TEST_DIALECTS)('setup link check on %s', (dialect) => {
  let server: TestServer;
  const clock = new FakeClock(Date.UTC(2026, 4, 1));
  const view = (token: string) =>
    httpCall(server.url, 'POST', '/api/v1/auth/setup/view', { body: { token } });
  const tokenOf = (url: string) => new URL(url).hash.slice(1);

  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { clock });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('answers valid, expired, replaced, and already set up, each with its reason', async () => {
    const first = tokenOf(server.setupUrl!);
    expect((await view(first)).status).toBe(200);

    clock.advance(24 * HOUR + 1);
    const expired = await view(first);
    expect(expired.status).toBe(409);
    expect(expired.body.error.details.reason).toBe('expired');
    expect(expired.body.error.message).toContain('hirebridge users setup-link');

    const fresh = (await server.container.createSetupLink())!;
    const replaced = await view(first);
    expect(replaced.status).toBe(404);
    expect((await view(tokenOf(fresh))).status).toBe(200);
    expect((await view('')).status).toBe(400);

    await setUpFirstAdmin({ url: server.url, setupUrl: fresh }, ADMIN);
    const done = await view(tokenOf(fresh));
    expect(done.status).toBe(409);
    expect(done.body.error.details.reason).toBe('done');
  });
});
