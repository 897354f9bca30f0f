import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';

const HIRES = {
  ANNA: '9a962904-b7e1-55a4-a4d7-b612b91c7d6d',
  SAM: 'a00a15ed-90d6-5790-a42c-e1751b7e19ed',
  JOSE: '33cb412c-73af-5d5a-933f-a7ca2980c608',
  OLUWASEUN: 'cec15da7-4ddc-5495-a088-806dff7a598f',
  ERIK: 'b13b651c-235d-5e4b-9762-43d6a744fb5a',
};

interface Page {
  items: { id: string; fields: Record<string, { value: unknown } | undefined> }[];
  nextCursor: string | null;
}

describe.each(TEST_DIALECTS)(
  'New hires list: search, filters, sort and limit/cursor pages on %s',
  (dialect) => {
    let h: IntakeHarness;
    beforeAll(async () => {
      h = await startIntakeHarness(dialect);
      for (const id of Object.values(HIRES)) h.sim.hire(id);
      await h.settle();
    }, 60_000);
    afterAll(async () => {
      await h?.dispose();
    });
    const list = (query: string) => h.api<Page>(`/api/v1/new-hires?${query}`);
    const start = (i: Page['items'][number]) => i.fields['employmentStartDate']?.value as string | undefined;

    it('reads every new hire once, page by page, in start-date order', async () => {
      const all = (await list('limit=500&sort=startDate')).body;
      expect(all.items).toHaveLength(5);
      expect(all.nextCursor).toBeNull();
      const dated = all.items.map(start).filter((d): d is string => d !== undefined);
      expect(dated).toEqual([...dated].sort());

      const seen: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 10; pages += 1) {
        const answer: { status: number; body: Page } = await list(
          `limit=2&sort=startDate${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(answer.status).toBe(200);
        expect(answer.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...answer.body.items.map((i) => i.id));
        cursor = answer.body.nextCursor;
        if (cursor === null) break;
      }
      expect(seen).toEqual(all.items.map((i) => i.id));
    });

    it('searches names with accents folded, filters by start date, and refuses a cursor it never gave', async () => {
      const jose = (await list('q=jose%20nunez')).body.items;
      expect(jose.map((i) => i.fields['lastName']?.value)).toEqual(['Núñez']);
      const all = (await list('limit=500')).body.items;
      const first = all
        .map(start)
        .filter((d): d is string => d !== undefined)
        .sort()[0]!;
      const from = (await list(`startFrom=${first}&startTo=${first}`)).body.items;
      expect(from.length).toBeGreaterThan(0);
      expect(from.every((i) => start(i) === first)).toBe(true);
      const bad = await h.api<{ error: { code: string; message: string } }>(
        '/api/v1/new-hires?cursor=nonsense',
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/cursor/);
      const badDate = await h.api<{ error: { message: string } }>('/api/v1/new-hires?startFrom=02/30/2027');
      expect(badDate.status).toBe(400);
      expect(badDate.body.error.message).toMatch(/startFrom/);
    });
  },
);
