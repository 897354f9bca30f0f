import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationSchema,
  ashbyErrorEnvelopeSchema,
  offerListItemSchema,
  paginatedSchema,
} from '../schemas.js';
import { GENERATED_API_KEYS, generateCompany } from './generator.js';
import { startAshbySimulator, type AshbySimulator } from './simulator.js';
import { httpCall } from './test-support.js';

const appPage = paginatedSchema(applicationSchema);

describe('Ashby simulator: pagination and incremental sync over 250 applications', () => {
  let sim: AshbySimulator;
  const scenario = generateCompany({ seed: 3, hires: 250, active: 0, archived: 0 });
  const list = async (body: Record<string, unknown>) => {
    const res = await httpCall(`${sim.url}/application.list`, body, { key: GENERATED_API_KEYS.full });
    expect(res.status).toBe(200);
    return appPage.parse(res.json);
  };
  /** Follows nextCursor to the end; returns every page. */
  const walk = async (body: Record<string, unknown>) => {
    const pages = [await list(body)];
    while (pages[pages.length - 1]?.moreDataAvailable) {
      pages.push(await list({ ...body, cursor: pages[pages.length - 1]?.nextCursor }));
      if (pages.length > 20) throw new Error('pagination does not end');
    }
    return pages;
  };

  beforeAll(async () => {
    sim = await startAshbySimulator({ scenario });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('pages 100 + 100 + 50 in createdAt order, each application once, syncToken only on the last page', async () => {
    const pages = await walk({});
    expect(pages.map((p) => p.results.length)).toEqual([100, 100, 50]);
    expect(pages.map((p) => p.moreDataAvailable)).toEqual([true, true, false]);
    expect(pages.map((p) => typeof p.syncToken)).toEqual(['undefined', 'undefined', 'string']);
    expect(pages[2]?.nextCursor).toBeUndefined();
    const ids = pages.flatMap((p) => p.results.map((a) => a.id));
    expect(new Set(ids).size).toBe(250);
    const created = pages.flatMap((p) => p.results.map((a) => Date.parse(a.createdAt)));
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('honours smaller limits and caps large ones at 100', async () => {
    expect((await walk({ limit: 30 })).map((p) => p.results.length)).toEqual([
      30, 30, 30, 30, 30, 30, 30, 30, 10,
    ]);
    expect((await list({ limit: 1000 })).results).toHaveLength(100);
    const bad = await httpCall(`${sim.url}/application.list`, { limit: 0 }, { key: GENERATED_API_KEYS.full });
    expect(ashbyErrorEnvelopeSchema.parse(bad.json).errorInfo?.code).toBe('invalid_input');
  });

  it('filters by createdAfter (epoch ms, strictly after)', async () => {
    const sorted = [...scenario.applications].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const pivot = Date.parse(sorted[199]?.createdAt ?? '');
    const pages = await walk({ createdAfter: pivot });
    expect(pages.flatMap((p) => p.results.map((a) => a.id))).toEqual(sorted.slice(200).map((a) => a.id));
  });

  it('filters by status', async () => {
    const hired = await walk({ status: 'Hired' });
    expect(hired.flatMap((p) => p.results).length).toBe(250);
    expect((await list({ status: 'Active' })).results).toHaveLength(0);
  });

  it('rejects a cursor replayed with other filters and a garbage cursor', async () => {
    const first = await list({ limit: 10 });
    const res = await httpCall(
      `${sim.url}/application.list`,
      { cursor: first.nextCursor, status: 'Active' },
      { key: GENERATED_API_KEYS.full },
    );
    expect(ashbyErrorEnvelopeSchema.parse(res.json).errorInfo?.code).toBe('invalid_input');
    const garbage = await httpCall(
      `${sim.url}/application.list`,
      { cursor: 'qA' },
      { key: GENERATED_API_KEYS.full },
    );
    expect(ashbyErrorEnvelopeSchema.parse(garbage.json).errorInfo?.code).toBe('invalid_input');
  });

  it('syncToken returns only applications changed since, then nothing, and a fresh token each time', async () => {
    const full = await walk({});
    const token = full[full.length - 1]?.syncToken;
    const changed = scenario.applications.slice(10, 13).map((a) => a.id);
    for (const id of changed) sim.setApplicationStatus(id, 'Archived');
    await sim.idle();
    const incremental = await walk({ syncToken: token });
    expect(incremental.flatMap((p) => p.results.map((a) => a.id)).sort()).toEqual([...changed].sort());
    expect(incremental[0]?.results.every((a) => a.status === 'Archived')).toBe(true);
    const next = incremental[incremental.length - 1]?.syncToken;
    expect(next).toBeTruthy();
    expect(next).not.toBe(token);
    const none = await walk({ syncToken: next });
    expect(none.flatMap((p) => p.results)).toHaveLength(0);
  });

  it('incremental sync pages with cursors when many records changed', async () => {
    const start = (await walk({})).at(-1)?.syncToken;
    const changed = scenario.applications.slice(0, 150).map((a) => a.id);
    for (const id of changed) sim.updateOfferStartDate(id, '2026-01-01');
    await sim.idle();
    const pages = await walk({ syncToken: start, limit: 100 });
    expect(pages.map((p) => p.results.length)).toEqual([100, 50]);
    expect(pages[0]?.syncToken).toBeUndefined();
    expect(new Set(pages.flatMap((p) => p.results.map((a) => a.id)))).toEqual(new Set(changed));
    // offer.list is incremental too: the 150 offers got new versions.
    const offers = await httpCall(
      `${sim.url}/offer.list`,
      { syncToken: start },
      { key: GENERATED_API_KEYS.full },
    );
    const offerPage = paginatedSchema(offerListItemSchema).parse(offers.json);
    expect(offerPage.results).toHaveLength(100);
    expect(offerPage.results[0]?.latestVersion?.startDate).toBe('2026-01-01T00:00:00.000Z');
  });

  it('expired sync tokens answer sync_token_expired', async () => {
    const token = (await walk({})).at(-1)?.syncToken;
    sim.expireSyncTokens();
    const res = await httpCall(
      `${sim.url}/application.list`,
      { syncToken: token },
      { key: GENERATED_API_KEYS.full },
    );
    expect(ashbyErrorEnvelopeSchema.parse(res.json).errorInfo?.code).toBe('sync_token_expired');
  });
});
