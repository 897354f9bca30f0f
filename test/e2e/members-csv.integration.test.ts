import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportMembersResponse } from '../../src/contract/member-files.js';
import { bearerApi } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const FILE = [
  'firstName,lastName,workEmail,jobTitle,department,managerEmail',
  'Grace,Hopper,grace@example.com,CTO,Engineering,',
  'Ada,Lovelace,ada@example.com,Engineer,Engineering,grace@example.com',
  'Mallory,"=HYPERLINK(""http://evil.example"")",mallory@example.com,@SUM(A1),Engineering,',
  'Bad,Email,not-an-email,Engineer,Engineering,',
  ',Nameless,nameless@example.com,,,',
].join('\n');

describe.each(TEST_DIALECTS)('Members CSV import (with preview) and export on %s', (dialect) => {
  let server: TestServer;
  let api: ReturnType<typeof bearerApi>;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    api = bearerApi(server.url, await server.token('inbox'));
  }, 60_000);
  afterAll(async () => {
    await server?.dispose();
  });
  const members = async () =>
    (await api<{ items: { fields: Record<string, unknown> }[] }>('/api/v1/members?limit=500')).body.items;

  it('previews a file with problems by line and writes nothing', async () => {
    const preview = await api<ImportMembersResponse>('/api/v1/members/import', {
      method: 'POST',
      body: JSON.stringify({ csv: FILE, preview: true }),
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.preview).toBe(true);
    expect(preview.body.imported).toBe(3);
    expect(preview.body.problems.map((p) => p.line)).toEqual([5, 6]);
    expect(preview.body.problems[0]!.message).toContain('workEmail');
    expect(preview.body.problems[1]!.message).toContain('firstName is required');
    expect(await members()).toHaveLength(0);
  });

  it('imports the good rows, links managers, and exports CSV with formulas neutralised', async () => {
    const done = await api<ImportMembersResponse>('/api/v1/members/import', {
      method: 'POST',
      body: JSON.stringify({ csv: FILE }),
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ preview: false, imported: 3 });
    expect(await members()).toHaveLength(3);

    const response = await fetch(`${server.url}/api/v1/members/export.csv`, {
      headers: { authorization: `Bearer ${await server.token('inbox')}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('members.csv');
    const text = await response.text();
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows).toHaveLength(3);
    const mallory = rows.find((r) => r['firstName'] === 'Mallory')!;
    expect(mallory['lastName']).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(mallory['jobTitle']).toBe("'@SUM(A1)");
    const ada = rows.find((r) => r['firstName'] === 'Ada')!;
    expect(ada['managerEmail']).toBe('grace@example.com');
    expect(ada['department']).toBe('Engineering');
    // No raw cell of the file starts a formula.
    for (const line of text.split('\r\n'))
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+\-@]/);

    // A second import of the same people is refused row by row, nothing doubled.
    const again = await api<ImportMembersResponse>('/api/v1/members/import', {
      method: 'POST',
      body: JSON.stringify({ csv: FILE, preview: true }),
    });
    expect(again.body.imported).toBe(0);
    expect(await members()).toHaveLength(3);
  });

  it('refuses a missing, empty or unknown-column file in plain words, changing nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /csv/],
      [{ csv: '' }, /csv: is empty/],
      [{ csv: 'firstName,lastName\nA,B', preview: 'yes' }, /preview/],
      [{ csv: 'firstName,lastName,shoeSize\nA,B,42' }, /Unknown columns: shoeSize/],
    ];
    for (const [body, message] of cases) {
      const answer = await api<{ error: { message: string } }>('/api/v1/members/import', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(answer.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.error.message).toMatch(message);
    }
    expect(await members()).toHaveLength(3);
  });
});
