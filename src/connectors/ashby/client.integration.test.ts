import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.js';
import { createAshbyClient, type AshbyClient } from './client.js';
import { ASHBY_PERMISSIONS } from './schemas.js';
import { fail, raw, startStubAshby, type StubAshby } from './testing/stub-ashby.js';
import { testHttp } from '../kit/testing/test-http.js';
import { wireApplication, wireCandidate, wireDefinition, wireJob } from './testing/wire-builders.js';

const KEY = 'test-key-123';
let stub: StubAshby;
let client: AshbyClient;
beforeAll(async () => {
  stub = await startStubAshby(KEY, ASHBY_PERMISSIONS);
  client = createAshbyClient({ http: testHttp(), apiUrl: `${stub.url}/`, apiKey: KEY });
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.reset();
  stub.routes = {};
  stub.permissions = new Set(ASHBY_PERMISSIONS);
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('createAshbyClient', () => {
  it('POSTs JSON with Basic auth (key as username, empty password) and the version Accept header', async () => {
    stub.routes['candidate.info'] = () => wireCandidate();
    const candidate = await client.candidateInfo('cand-1');
    expect(candidate.name).toBe('Ada Lovelace');
    const [req] = stub.upstream.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/candidate.info' });
    expect(req!.headers.authorization).toBe(`Basic ${Buffer.from(`${KEY}:`).toString('base64')}`);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers.accept).toBe('application/json; version=1');
    expect(JSON.parse(req!.body)).toEqual({ id: 'cand-1' });
  });

  it('uses each endpoint’s own parameter name', async () => {
    stub.routes['job.info'] = () => wireJob();
    stub.routes['application.info'] = () => wireApplication();
    stub.routes['department.info'] = () => ({
      id: 'd',
      name: 'D',
      isArchived: false,
      createdAt: 'x',
      updatedAt: 'x',
    });
    stub.routes['location.info'] = () => ({ id: 'l', name: 'L', isArchived: false });
    stub.routes['user.info'] = () => ({
      id: 'u',
      firstName: 'a',
      lastName: 'b',
      globalRole: 'x',
      isEnabled: true,
      updatedAt: 'x',
    });
    stub.routes['offer.info'] = () => ({ id: 'o', applicationId: 'a', acceptanceStatus: 'Accepted' });
    stub.routes['file.info'] = () => ({ url: 'https://files.example/x' });
    await client.jobInfo('j');
    await client.applicationInfo('a');
    await client.departmentInfo('d');
    await client.locationInfo('l');
    await client.userInfo('u');
    await client.offerInfo('o');
    expect(await client.fileInfo('h')).toBe('https://files.example/x');
    expect(stub.upstream.requests.map((r) => JSON.parse(r.body))).toEqual([
      { id: 'j' },
      { applicationId: 'a' },
      { departmentId: 'd' },
      { locationId: 'l' },
      { userId: 'u' },
      { offerId: 'o' },
      { fileHandle: 'h' },
    ]);
  });

  it('rejects a response that does not match the schema, naming the endpoint but not the data', async () => {
    stub.routes['candidate.info'] = () => ({
      id: 'cand-1',
      name: 'Secret Person',
      emailAddresses: 'jane@example.com',
    });
    const err = await failure(client.candidateInfo('cand-1'));
    expect(err.code).toBe('upstream_permanent');
    expect(err.message).toBe('ashby candidate.info: response does not match the expected shape');
    expect(JSON.stringify(err.details)).not.toMatch(/Secret|jane/);
  });

  it.each([
    ['missing_endpoint_permission', 'permission_missing'],
    ['application_not_found', 'not_found'],
    ['invalid_input', 'upstream_permanent'],
    ['application_blocked', 'upstream_permanent'],
    ['rate_limit_exceeded', 'rate_limited'],
  ])('maps the HTTP 200 error envelope %s to %s', async (code, expected) => {
    stub.routes['application.info'] = () => fail(code);
    const err = await failure(client.applicationInfo('app-x'));
    expect(err.code).toBe(expected);
    expect(err.details).toMatchObject({ endpoint: 'ashby application.info', upstreamCode: code });
    expect(stub.totalCalls()).toBe(1);
  });

  it('reads the code from the deprecated errors[] when errorInfo is absent', async () => {
    stub.routes['job.info'] = () => raw({ success: false, errors: ['job_not_found'] });
    expect((await failure(client.jobInfo('x'))).code).toBe('not_found');
  });

  it('maps HTTP 403 + missing_endpoint_permission to permission_missing naming the permission', async () => {
    stub.permissions.delete('offersRead');
    const err = await failure(client.offerList({ applicationId: 'a' }));
    expect(err).toMatchObject({ code: 'permission_missing', retryable: false });
    expect(err.details).toMatchObject({ missing: ['offersRead'] });
  });

  it('maps a refused key (403 without envelope, 401) to upstream_permanent and never retries', async () => {
    const wrongKey = createAshbyClient({ http: testHttp(), apiUrl: stub.url, apiKey: 'wrong' });
    const err = await failure(wrongKey.jobInfo('j'));
    expect(err).toMatchObject({
      code: 'upstream_permanent',
      message: 'ashby job.info: API key refused (HTTP 403)',
    });
    const noKey = createAshbyClient({ http: testHttp(), apiUrl: stub.url, apiKey: '' });
    stub.upstream.handler = ((original) => (req, res) => {
      if (req.headers.authorization === `Basic ${Buffer.from(':').toString('base64')}`)
        delete req.headers.authorization;
      return original(req, res);
    })(stub.upstream.handler);
    const err401 = await failure(noKey.jobInfo('j'));
    expect(err401).toMatchObject({ code: 'upstream_permanent', details: { status: 401, auth: true } });
    expect(stub.totalCalls()).toBe(2);
  });

  it('returns a page with cursor, moreDataAvailable and syncToken, and iterates all pages', async () => {
    const pages: Record<string, unknown> = {
      start: {
        success: true,
        results: [wireApplication({ id: 'a1' })],
        moreDataAvailable: true,
        nextCursor: 'c2',
        syncToken: null,
      },
      c2: {
        success: true,
        results: [wireApplication({ id: 'a2' })],
        moreDataAvailable: true,
        nextCursor: 'c3',
      },
      c3: {
        success: true,
        results: [wireApplication({ id: 'a3' })],
        moreDataAvailable: false,
        syncToken: 'sync-9',
      },
    };
    stub.routes['application.list'] = (body) => raw(pages[(body['cursor'] as string | undefined) ?? 'start']);
    const first = await client.applicationList({
      limit: 1,
      status: 'Hired',
      createdAfter: 1700000000000,
      syncToken: 's0',
    });
    expect(first).toMatchObject({ nextCursor: 'c2', moreDataAvailable: true, syncToken: null });
    expect(JSON.parse(stub.upstream.requests[0]!.body)).toEqual({
      limit: 1,
      status: 'Hired',
      createdAfter: 1700000000000,
      syncToken: 's0',
    });
    const ids: string[] = [];
    let lastToken: string | null = null;
    for await (const page of client.applicationPages({ status: 'Hired' })) {
      ids.push(...page.results.map((a) => a.id));
      lastToken = page.syncToken;
    }
    expect(ids).toEqual(['a1', 'a2', 'a3']);
    expect(lastToken).toBe('sync-9');
  });

  it('stops a pagination loop whose cursor does not advance', async () => {
    stub.routes['application.list'] = () =>
      raw({ success: true, results: [], moreDataAvailable: true, nextCursor: 'same' });
    const iterate = async () => {
      for await (const _page of client.applicationPages()) void _page;
    };
    expect((await failure(iterate())).details).toMatchObject({ reason: 'cursor_stuck' });
    expect(stub.totalCalls()).toBe(2);
  });

  it('reads every page of customField.list', async () => {
    stub.routes['customField.list'] = (body) =>
      raw(
        body['cursor'] === 'n'
          ? { success: true, results: [wireDefinition('b')], moreDataAvailable: false }
          : { success: true, results: [wireDefinition('a')], moreDataAvailable: true, nextCursor: 'n' },
      );
    expect((await client.customFieldList()).map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('omits an empty acceptanceStatus filter from offer.list', async () => {
    stub.routes['offer.list'] = () => raw({ success: true, results: [], moreDataAvailable: false });
    await client.offerList({ applicationId: 'a', acceptanceStatus: [] });
    await client.offerList({ applicationId: 'a', acceptanceStatus: ['Accepted'] });
    expect(stub.upstream.requests.map((r) => JSON.parse(r.body))).toEqual([
      { applicationId: 'a' },
      { applicationId: 'a', acceptanceStatus: ['Accepted'] },
    ]);
  });

  it('creates a webhook once, never retrying the write on a 5xx', async () => {
    stub.routes['webhook.create'] = (body) => ({
      id: 'wh-1',
      enabled: true,
      webhookType: body['webhookType'],
      requestUrl: body['requestUrl'],
    });
    const created = await client.webhookCreate({
      webhookType: 'candidateHire',
      requestUrl: 'https://x/h',
      secretToken: 's',
    });
    expect(created).toMatchObject({ id: 'wh-1', enabled: true });
    stub.reset();
    const original = stub.upstream.handler;
    stub.upstream.handler = (_req, res) => {
      res.writeHead(503);
      res.end();
    };
    await failure(
      client.webhookCreate({ webhookType: 'candidateHire', requestUrl: 'https://x/h', secretToken: 's' }),
    );
    expect(stub.totalCalls()).toBe(1);
    stub.upstream.handler = original;
  });
});
