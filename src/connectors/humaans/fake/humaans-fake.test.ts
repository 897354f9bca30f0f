import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHumaansFake, type HumaansFake } from './humaans-fake.js';

let fake: HumaansFake;
beforeEach(async () => {
  fake = await startHumaansFake();
});
afterEach(async () => {
  await fake.close();
});

const call = (method: string, path: string, body?: unknown, token = fake.apiToken) =>
  fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('fake Humaans', () => {
  it('wants a known Bearer token', async () => {
    expect((await fetch(`${fake.url}/me`)).status).toBe(401);
    expect((await call('GET', '/me', undefined, 'nope')).status).toBe(401);
    expect((await call('GET', '/me')).status).toBe(200);
  });

  it('refuses a call outside the token scopes with 403', async () => {
    const token = fake.addToken(['public:read']);
    const res = await call('GET', '/compensations?personId=x', undefined, token);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 'Forbidden',
      message: 'Missing scope compensations:read',
    });
  });

  it('answers 422 naming each missing required field, and a duplicate email', async () => {
    const missing = await call('POST', '/people', { firstName: 'Ada' });
    expect(missing.status).toBe(422);
    const body = (await missing.json()) as { issues: { path: string[] }[] };
    expect(body.issues.map((i) => i.path.join('.'))).toEqual(['lastName', 'email']);
    const person = { firstName: 'Ada', lastName: 'L', email: 'ada@example.org' };
    expect((await call('POST', '/people', person)).status).toBe(201);
    const again = await call('POST', '/people', person);
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ issues: [{ path: ['email'] }] });
  });

  it('wants a link or a file id on a document', async () => {
    const person = (await (
      await call('POST', '/people', { firstName: 'Ada', lastName: 'L', email: 'ada@example.org' })
    ).json()) as { id: string };
    const res = await call('POST', '/documents', { personId: person.id, name: 'x.pdf' });
    expect(res.status).toBe(422);
  });

  it('filters people by email and pages them', async () => {
    const res = await call('GET', '/people?email=GRACE.HOPPER@example.com&$limit=10');
    expect(await res.json()).toMatchObject({ total: 1, limit: 10, skip: 0, data: [{ firstName: 'Grace' }] });
  });
});
