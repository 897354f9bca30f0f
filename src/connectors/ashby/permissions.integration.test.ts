import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAshbyClient } from './client.js';
import { probePermissions } from './permissions.js';
import type { AshbyPermission } from './schemas.js';
import { fail, startStubAshby, type StubAshby } from './testing/stub-ashby.js';
import { testHttp } from '../kit/testing/test-http.js';

const KEY = 'probe-key';
const emptyPage = () => ({ __raw: { success: true, results: [], moreDataAvailable: false } });

let stub: StubAshby;
beforeAll(async () => {
  stub = await startStubAshby(KEY, []);
  for (const endpoint of [
    'application.list',
    'offer.list',
    'job.list',
    'department.list',
    'customField.list',
  ]) {
    stub.routes[endpoint] = emptyPage;
  }
  stub.routes['apiKey.info'] = () => ({ title: 'k', scopes: [] });
  stub.routes['opening.setArchived'] = () => fail('opening_not_found');
  stub.routes['webhook.update'] = () => fail('webhook_not_found');
});
afterAll(() => stub.close());

async function probe(granted: AshbyPermission[]) {
  stub.permissions = new Set(granted);
  stub.reset();
  return probePermissions(createAshbyClient({ http: testHttp(), apiUrl: stub.url, apiKey: KEY }));
}
const grantedNames = (r: Awaited<ReturnType<typeof probe>>) =>
  [...r.required, ...r.optional]
    .filter((p) => p.granted)
    .map((p) => p.name)
    .sort();

describe('probePermissions', () => {
  it('finds every permission of a full key, with human text for each', async () => {
    const all: AshbyPermission[] = [
      'candidatesRead',
      'offersRead',
      'jobsRead',
      'organizationRead',
      'hiringProcessMetadataRead',
      'jobsWrite',
      'apiKeysWrite',
    ];
    const report = await probe(all);
    expect(grantedNames(report)).toEqual([...all].sort());
    expect(report.required.map((p) => p.name)).toEqual([
      'candidatesRead',
      'offersRead',
      'jobsRead',
      'organizationRead',
      'hiringProcessMetadataRead',
    ]);
    for (const p of report.required) expect(p.neededFor.length).toBeGreaterThan(10);
    expect(report.optional).toEqual([
      { name: 'jobsWrite', granted: true, enables: 'publish open positions to Ashby as openings' },
      { name: 'apiKeysWrite', granted: true, enables: 'create the Ashby webhooks automatically' },
    ]);
  });

  it('reports each missing permission without failing, and the write probes touch only the nil id', async () => {
    const report = await probe(['candidatesRead', 'jobsRead']);
    expect(grantedNames(report)).toEqual(['candidatesRead', 'jobsRead']);
    const writes = stub.upstream.requests.filter(
      (r) => r.path === '/opening.setArchived' || r.path === '/webhook.update',
    );
    expect(writes).toHaveLength(2);
    for (const w of writes) expect(w.body).toContain('00000000-0000-0000-0000-000000000000');
    // Read probes ask for one record at most.
    for (const r of stub.upstream.requests.filter((x) => x.path.endsWith('.list')))
      expect(JSON.parse(r.body)).toEqual({ limit: 1 });
  });

  it('uses apiKey.info scopes when readable and then skips the write probe', async () => {
    stub.routes['apiKey.info'] = () => ({ title: 'k', scopes: ['jobs:write', 'apiKeys:write'] });
    const report = await probe(['apiKeysRead']);
    expect(report.optional.every((p) => p.granted)).toBe(true);
    expect(stub.calls()['opening.setArchived']).toBeUndefined();
    expect(stub.calls()['webhook.update']).toBeUndefined();
    stub.routes['apiKey.info'] = () => ({ title: 'k', scopes: [] });
  });

  it('fails as a whole when the key itself is refused', async () => {
    const wrong = createAshbyClient({ http: testHttp(), apiUrl: stub.url, apiKey: 'nope' });
    await expect(probePermissions(wrong)).rejects.toMatchObject({ code: 'upstream_permanent' });
  });
});
