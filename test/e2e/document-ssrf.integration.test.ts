import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from '../../src/connectors/ashby/fake/sample-fixture.js';
import { startAshbySimulator, type AshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitFor } from '../support/wait-for.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d';
const MADONNA = 'cbe85112-0bbb-5b7b-b39f-dde3965b14fb';
/** A public-looking Ashby: HireBridge's outbound fetch routes it to the simulator, as DNS would. */
const ASHBY = 'https://ashby.example.test';

describe.each(TEST_DIALECTS)('File links from a connection whose Ashby is not loopback, on %s', (dialect) => {
  let sim: AshbySimulator;
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    sim = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH, timeScale: 0.001 });
    const viaSimulator: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      return url.origin === ASHBY
        ? fetch(`${sim.url}${url.pathname}${url.search}`, init)
        : fetch(input, init);
    };
    server = await startTestServer(
      dialect,
      { RUN_WORKER: 'true', ASHBY_REQUESTS_PER_MINUTE: '60000' },
      { fetch: viaSimulator },
    );
    token = await server.token('admin');
  });
  afterAll(async () => {
    await sim.close();
    await server.dispose();
  });

  const api = async <T>(path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  const documentsOf = (applicationId: string, count: number) =>
    waitFor(
      `the documents of ${applicationId} to be settled`,
      async () => {
        const hires = (
          await api<{ items: { id: string; status: string; source: { applicationId: string } }[] }>(
            '/api/v1/new-hires',
          )
        ).body.items;
        const hire = hires.find((h) => h.source.applicationId === applicationId);
        if (!hire) return undefined;
        const items = (
          await api<{ items: { status: string; error: string | null }[] }>(
            `/api/v1/new-hires/${hire.id}/documents`,
          )
        ).body.items;
        return items.length === count && items.every((d) => d.status !== 'pending')
          ? { hire, items }
          : undefined;
      },
      15_000,
      50,
    );

  it('refuses a file URL on 127.0.0.1 and still imports the new hire', async () => {
    const connected = await api<{ id: string; apiUrl: string }>('/api/v1/connections/ashby', {
      method: 'POST',
      body: JSON.stringify({ apiKey: SAMPLE_KEYS.full, apiUrl: ASHBY, name: 'Not loopback' }),
    });
    expect(connected.status).toBe(201);
    expect(connected.body.apiUrl).toBe(ASHBY);
    sim.hire(ANNA);
    const { hire, items: docs } = await documentsOf(ANNA, 4);
    expect(hire.status).toBe('in_review');
    // The simulator's links are http://127.0.0.1:<port>/files/...: refused before any connection is made.
    expect(docs.map((d) => [d.status, d.error])).toEqual(
      Array(4).fill(['failed', 'file URL refused: the http scheme is not allowed (https only)']),
    );
    expect(sim.callCount('file.info')).toBe(4);
    expect(sim.callCount('file.download')).toBe(0);
  });

  it('refuses an https URL to 127.0.0.1 by its address', async () => {
    sim.setKnobs({ fileUrlBase: sim.url.replace('http:', 'https:') });
    sim.hire(MADONNA);
    const { hire, items } = await documentsOf(MADONNA, 2);
    expect(hire.status).toBe('in_review');
    expect(items.map((d) => d.error)).toEqual(
      Array(2).fill('file URL refused: the host resolves to a loopback address (127.0.0.1)'),
    );
    expect(sim.callCount('file.download')).toBe(0);
  });
});
