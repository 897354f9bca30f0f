import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHibobFake, type HibobFake } from './hibob-fake.js';

let fake: HibobFake;
beforeEach(async () => {
  fake = await startHibobFake();
});
afterEach(async () => {
  await fake.close();
});

function call(method: string, path: string, body?: unknown, auth = fake.credentials) {
  const basic = Buffer.from(`${auth.serviceUserId}:${auth.token}`).toString('base64');
  return fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const hire = {
  firstName: 'Ada',
  surname: 'Lovelace',
  email: 'ada@example.org',
  work: { site: 'Berlin', startDate: '2027-02-01' },
};

describe('fake HiBob', () => {
  it('wants Basic auth with a known service user and token', async () => {
    const none = await fetch(`${fake.url}/company/named-lists`);
    expect(none.status).toBe(401);
    const wrong = await call('GET', '/company/named-lists', undefined, {
      serviceUserId: 'SERVICE-1',
      token: 'x',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ key: 'UNAUTHORIZED' });
  });

  it('names a missing required field', async () => {
    const res = await call('POST', '/people', { ...hire, work: { startDate: '2027-02-01' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      key: 'VALIDATION_ERROR',
      error: expect.stringContaining('work.site'),
    });
  });

  it('takes list item ids for department and refuses a label', async () => {
    const label = await call('POST', '/people', {
      ...hire,
      work: { ...hire.work, department: 'Engineering' },
    });
    expect(label.status).toBe(400);
    expect(await label.json()).toMatchObject({ key: 'INVALID_LIST_VALUE' });
    const id = await call('POST', '/people', { ...hire, work: { ...hire.work, department: '101' } });
    expect(id.status).toBe(200);
  });

  it('refuses a second employee with the same email', async () => {
    expect((await call('POST', '/people', hire)).status).toBe(200);
    const again = await call('POST', '/people', { ...hire, email: 'ADA@example.org' });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ key: 'EMPLOYEE_ALREADY_EXISTS' });
  });

  it('refuses a search filter with empty values, as Bob does', async () => {
    const res = await call('POST', '/people/search', {
      filters: [{ fieldPath: 'root.email', operator: 'equals', values: [] }],
    });
    expect(res.status).toBe(400);
  });

  it('keeps a custom folder to 1 MB', async () => {
    const created = (await (await call('POST', '/people', hire)).json()) as { id: string };
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(1024 * 1024 + 1)]), 'big.pdf');
    const basic = Buffer.from(`${fake.credentials.serviceUserId}:${fake.credentials.token}`).toString(
      'base64',
    );
    const res = await fetch(`${fake.url}/docs/people/${created.id}/folders/9/upload`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
      body: form,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ key: 'FILE_TOO_LARGE' });
  });

  it('answers 429 with Retry-After past 50 searches a minute', async () => {
    const search = { filters: [{ fieldPath: 'root.email', operator: 'equals', values: ['x@example.org'] }] };
    for (let i = 0; i < 50; i++) expect((await call('POST', '/people/search', search)).status).toBe(200);
    const limited = await call('POST', '/people/search', search);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
