import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryResponse } from '../../src/contract/deliveries.js';
import type { AuditItemResponse } from '../../src/contract/logs.js';
import { bearerApi, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';

const HIRES = {
  ANNA: '9a962904-b7e1-55a4-a4d7-b612b91c7d6d',
  SAM: 'a00a15ed-90d6-5790-a42c-e1751b7e19ed',
};
const POSITIONS = 7;
const FORMULA = '=HYPERLINK("http://evil.example")';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(TEST_DIALECTS)('Audit and Delivery logs: filters, pages, names and CSV on %s', (dialect) => {
  let h: IntakeHarness;
  let inboxApi: ReturnType<typeof bearerApi>;
  let annaId: string;
  beforeAll(async () => {
    h = await startIntakeHarness(dialect);
    inboxApi = bearerApi(h.server.url, await h.server.token('inbox'));
    for (const id of Object.values(HIRES)) h.sim.hire(id);
    await h.settle();
    for (let i = 1; i <= POSITIONS; i += 1) {
      const created = await h.api('/api/v1/positions', {
        method: 'POST',
        body: JSON.stringify({ title: i === 1 ? FORMULA : `Engineer ${String(i)}` }),
      });
      expect(created.status).toBe(201);
    }
    const hires = await h.api<Page<{ id: string; fields: Record<string, { value: unknown }> }>>(
      '/api/v1/new-hires?limit=500',
    );
    expect(hires.body.items).toHaveLength(2);
    annaId = hires.body.items[0]!.id;
    // An inbox manager's edit: a second actor, and a name a spreadsheet would read as a formula.
    const edited = await inboxApi(`/api/v1/new-hires/${annaId}`, {
      method: 'PATCH',
      body: JSON.stringify({ fields: { firstName: '@Anna' } }),
    });
    expect(edited.status).toBe(200);
  }, 90_000);
  afterAll(async () => {
    await h?.dispose();
  });

  const audit = (query: string) => h.api<Page<AuditItemResponse>>(`/api/v1/audit?${query}`);
  const deliveries = (query: string) => h.api<Page<DeliveryResponse>>(`/api/v1/deliveries?${query}`);
  async function readAll<T extends { id: string }>(
    read: (query: string) => Promise<{ status: number; body: Page<T> }>,
    query: string,
  ): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const answer: { status: number; body: Page<T> } = await read(
        `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(answer.status).toBe(200);
      seen.push(...answer.body.items.map((i) => i.id));
      cursor = answer.body.nextCursor;
      if (cursor === null) break;
    }
    return seen;
  }

  it('reads the audit log page by page, newest first, with no duplicates or gaps', async () => {
    const all = (await audit('limit=500')).body;
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThanOrEqual(POSITIONS + 2);
    const times = all.items.map((i) => i.at);
    expect(times).toEqual([...times].sort().reverse());
    const paged = await readAll(audit, 'limit=2');
    expect(paged).toEqual(all.items.map((i) => i.id));
    expect(new Set(paged).size).toBe(paged.length);
    // A last full page says there is no more, rather than handing out a cursor to an empty page.
    const exact = await audit(`limit=${String(all.items.length)}`);
    expect(exact.body.nextCursor).toBeNull();
  });

  it('names each target and links it to its page, in one answer', async () => {
    const items = (await audit('limit=500')).body.items;
    const positions = items.filter((i) => i.action === 'position.create');
    expect(positions).toHaveLength(POSITIONS);
    expect(positions.map((p) => p.targetName).sort()).toContain('Engineer 7');
    expect(positions.every((p) => p.targetLink === '/positions')).toBe(true);
    const edit = items.find((i) => i.action === 'new_hire.edit');
    expect(edit).toMatchObject({
      targetId: annaId,
      targetLink: `/new-hires/${annaId}`,
      targetName: expect.stringMatching(/^@Anna /) as unknown,
    });
    expect(items.find((i) => i.action === 'connection.connect')).toMatchObject({
      targetName: 'Sample',
      targetLink: '/integrations',
    });
  });

  it('filters by action or action group, by actor words, and by days', async () => {
    const group = await readAll(audit, 'limit=3&action=position');
    expect(group).toHaveLength(POSITIONS);
    const one = (await audit('action=new_hire.edit')).body.items;
    expect(one.map((i) => i.action)).toEqual(['new_hire.edit']);
    expect((await audit('action=new')).body.items).toEqual([]);

    const byInbox = (await audit('actor=TEST%20INBOX')).body.items;
    expect(byInbox.length).toBeGreaterThan(0);
    expect(byInbox.every((i) => i.actor.includes('test inbox'))).toBe(true);
    expect((await audit('actor=100%25')).body.items).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    const all = (await audit('limit=500')).body.items;
    expect((await audit(`limit=500&from=${today}&to=${today}`)).body.items).toHaveLength(all.length);
    expect((await audit('from=2099-01-01')).body.items).toEqual([]);
    expect((await audit('to=2000-01-01')).body.items).toEqual([]);
  });

  it('refuses bad filters and cursors with a 400 naming the problem', async () => {
    const cases: [string, RegExp][] = [
      ['from=2027-02-30', /from/],
      ['to=02/01/2027', /to/],
      ['from=2027-03-01&to=2027-02-01', /from .* is after to/],
      ['cursor=nonsense', /cursor/],
      ['limit=0', /limit/],
    ];
    for (const [query, message] of cases) {
      const answer = await h.api<ErrorBody>(`/api/v1/audit?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.message, query).toMatch(message);
      const csv = await h.api<ErrorBody>(`/api/v1/deliveries?${query}`);
      expect(csv.status, query).toBe(400);
    }
    expect((await inboxApi('/api/v1/audit')).status).toBe(403);
    expect((await inboxApi('/api/v1/audit/export.csv')).status).toBe(403);
  });

  it('exports the filtered audit log as CSV with formula-like cells neutralised', async () => {
    const response = await fetch(`${h.server.url}/api/v1/audit/export.csv?action=position`, {
      headers: { authorization: `Bearer ${h.admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('audit-log.csv');
    const rows = parse<Record<string, string>>(await response.text(), { columns: true });
    expect(rows).toHaveLength(POSITIONS);
    expect(rows.map((r) => r['targetName'])).toContain(`'${FORMULA}`);
    expect(rows.every((r) => r['action'] === 'position.create')).toBe(true);

    const all = await fetch(`${h.server.url}/api/v1/audit/export.csv`, {
      headers: { authorization: `Bearer ${h.admin}` },
    });
    const allRows = parse<Record<string, string>>(await all.text(), { columns: true });
    expect(allRows).toHaveLength((await audit('limit=500')).body.items.length);
    expect(allRows.find((r) => r['action'] === 'new_hire.edit')?.['targetName']).toMatch(/^'@Anna /);
  });

  it('reads the delivery log by status and action, page by page, with each hire named and linked', async () => {
    const all = (await deliveries('limit=500')).body;
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    const paged = await readAll(deliveries, 'limit=1');
    expect(paged).toEqual(all.items.map((i) => i.id));

    const hired = (await deliveries('action=candidateHire&limit=500')).body.items;
    expect(hired.length).toBe(2);
    expect(hired.every((d) => d.action === 'candidateHire')).toBe(true);
    const anna = hired.find((d) => d.newHire?.id === annaId);
    expect(anna?.newHire?.name).toMatch(/^@Anna /);

    for (const status of ['processed', 'ignored', 'queued'] as const) {
      const some = (await deliveries(`status=${status}&limit=500`)).body.items;
      expect(some.every((d) => d.status === status)).toBe(true);
    }
    const counted = await Promise.all(
      (['processed', 'ignored', 'queued'] as const).map(
        async (s) => (await deliveries(`status=${s}&limit=500`)).body.items.length,
      ),
    );
    expect(counted.reduce((a, b) => a + b, 0)).toBe(all.items.length);
    expect((await deliveries('from=2099-01-01')).body.items).toEqual([]);
    expect((await h.api<ErrorBody>('/api/v1/deliveries?status=lost')).status).toBe(400);
  });

  it('exports the filtered delivery log as CSV with the new hires named and formulas neutralised', async () => {
    const response = await fetch(`${h.server.url}/api/v1/deliveries/export.csv?action=candidateHire`, {
      headers: { authorization: `Bearer ${h.admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('delivery-log.csv');
    const rows = parse<Record<string, string>>(await response.text(), { columns: true });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r['action'] === 'candidateHire')).toBe(true);
    expect(rows.find((r) => r['newHireId'] === annaId)?.['newHireName']).toMatch(/^'@Anna /);
  });
});
