import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { seededRandom } from '../../src/connectors/ashby/fake/random.js';
import { startAshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { ashbySignature } from './support/ashby-deliveries.js';
import { createChaosInstall } from './support/chaos-install.js';
import { scaled, sizes } from './support/chaos-settings.js';
import { applicationsWith, hireFanOut } from './support/hire-deliveries.js';
import { hostileRequest, type HostileRequest } from './support/hostile-bodies.js';
import { startInProcessApp } from './support/in-process-app.js';
import { chaosScenarios } from './support/scenario-run.js';

/**
 * Scenario 6, hostile input (reliability.md §6.1 W1-W2, W7, §6.4 S13). The webhook endpoint is public:
 * anyone may send it anything. Property-based fuzzing (fast-check) of Ashby-shaped bodies, signed and
 * unsigned, with wrong types, huge strings, NUL and control characters, deep nesting, `__proto__` keys
 * and invalid UTF-8 must only ever get 2xx or 4xx, never a 500 or a crash; every single-byte mutation of
 * a signed body must be refused. The volume goes through `app.inject()`; a sample goes over real HTTP
 * to a server process, which must still be up and healthy afterwards.
 */
const scenarios = chaosScenarios();

/** Path, headers and body of one hostile request; undefined when the id cannot even be put in a URL. */
function toHttp(r: HostileRequest, connectionId: string, secret: string) {
  let id: string;
  try {
    id = encodeURIComponent(r.connectionId ?? connectionId);
  } catch {
    return undefined; // a lone surrogate: no client can send it
  }
  const headers: Record<string, string> = {};
  if (r.contentType !== undefined) headers['content-type'] = r.contentType;
  if (r.signature === 'valid') headers['ashby-signature'] = ashbySignature(secret, r.body);
  if (r.signature === 'wrong-secret') headers['ashby-signature'] = ashbySignature(`${secret}x`, r.body);
  if (r.signature === 'garbage') headers['ashby-signature'] = r.garbageSignature;
  return { url: `/webhooks/ashby/${id}`, headers, body: r.body };
}

/** Sends bytes that are not HTTP at all, or HTTP with lying framing, over a raw socket. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(scaled(3_000), () => socket.destroy());
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
    socket.end(bytes, 'latin1');
  });
}

describe.each(TEST_DIALECTS)('hostile input on %s', (dialect) => {
  it('answers every hostile webhook request 2xx or 4xx and refuses every mutated signature', async () => {
    const run = scenarios.begin('hostile-input', dialect);
    const sim = run.own(
      await startAshbySimulator({
        scenario: generateCompany({ seed: run.seed('company'), hires: 4, active: 4, archived: 2 }),
        seed: run.seed('simulator'),
      }),
    );
    const { app, container } = run.own(await startInProcessApp(dialect));
    const { connection, secretToken } = await container.services.connectAshby({
      apiKey: GENERATED_API_KEYS.full,
      apiUrl: sim.url,
      name: 'Fuzz',
      actor: 'test',
    });
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

    // 1. Fuzz through inject(): the property is "the answer is 2xx or 4xx".
    run.step('fuzz through inject()');
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(hostileRequest, async (r) => {
        const http = toHttp(r, connection.id, secretToken);
        if (!http) return;
        const response = await app.inject({ method: 'POST', ...http, payload: http.body });
        sent += 1;
        count(response.statusCode);
        expect(response.statusCode, response.body.slice(0, 300)).toBeGreaterThanOrEqual(200);
        expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
      }),
      { numRuns: sizes.fuzzRuns, seed: run.seed('fuzz') | 0 },
    );

    // 2. Single-byte mutations of real, signed deliveries, sent with the original signature: all 401.
    run.step('single-byte mutations');
    const random = seededRandom(run.seed('mutations'));
    const corpus = applicationsWith(sim, 'Hired').flatMap((id, i) =>
      hireFanOut(sim, secretToken, id, `fuzz-${i}`),
    );
    const before = await container.database.db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    let refused = 0;
    for (let i = 0; i < sizes.mutations; i += 1) {
      const original = corpus[i % corpus.length]!;
      const body = Buffer.from(original.body);
      const at = Math.floor(random() * body.length);
      body[at] = (body[at]! + 1 + Math.floor(random() * 255)) % 256; // any byte but the original
      const response = await app.inject({
        method: 'POST',
        url: `/webhooks/ashby/${connection.id}`,
        headers: { 'content-type': 'application/json', 'ashby-signature': original.signature },
        payload: body,
      });
      count(response.statusCode);
      if (response.statusCode === 401) refused += 1;
    }
    const after = await container.database.db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(refused).toBe(sizes.mutations);
    expect(Number(after.n)).toBe(Number(before.n));

    // 3. A sample over real HTTP to a server process, plus traffic that is not valid HTTP.
    run.step('real HTTP and broken HTTP to a server process');
    const install = run.own(await createChaosInstall(dialect));
    const server = await install.startServer({ RUN_WORKER: 'false' });
    const real = await install.connect(sim.url, GENERATED_API_KEYS.full);
    for (const r of fc.sample(hostileRequest, { numRuns: 150, seed: run.seed('http sample') | 0 })) {
      const http = toHttp(r, real.connectionId, real.secretToken);
      if (!http) continue;
      const response = await fetch(`${install.url}${http.url}`, {
        method: 'POST',
        headers: http.headers,
        body: http.body,
      }).catch((err: unknown) => err);
      if (!(response instanceof Response)) continue; // refused on the client side (e.g. an unsendable header)
      await response.arrayBuffer();
      sent += 1;
      count(response.status);
      expect(response.status).toBeLessThan(500);
    }
    const port = Number(new URL(install.url).port);
    const raw = [
      'GARBAGE\r\n\r\n',
      `POST /webhooks/ashby/${real.connectionId} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"short":`,
      `POST /webhooks/ashby/${real.connectionId} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      `POST /webhooks/ashby/${real.connectionId} HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n`,
      `POST /webhooks/ashby/%00 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`,
    ];
    for (const bytes of raw) {
      const answer = await rawExchange(port, bytes);
      expect(answer).not.toMatch(/^HTTP\/1\.1 5/);
    }
    expect(server.alive).toBe(true);
    expect((await fetch(`${install.url}/healthz`)).status).toBe(200);
    expect(server.output).not.toContain('unhandled error');

    const total = sent + sizes.mutations;
    const acked = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
    console.log(`hostile input [${dialect}]: answers ${JSON.stringify(Object.fromEntries(statuses))}`);
    run.report({ sent: total, acked });
    expect(statuses.has(500)).toBe(false);
  });
});
