import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBlobStore } from '../../../test/conformance/blob-store.js';
import { isAppError } from '../../core/errors/app-error.js';
import type { BlobStore } from '../../core/ports/blob-store.js';
import { connectorContext } from '../context.js';
import { testHttp } from '../kit/testing/test-http.js';
import { startFakeS3, type FakeS3 } from './fake/fake-s3.js';
import { s3 as s3Connector } from './index.js';
import { s3BlobStore, type S3Options } from './s3-blob-store.js';

let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(() => s3.close());

function store(overrides: Partial<S3Options> = {}): BlobStore {
  return s3BlobStore({
    fetch: globalThis.fetch,
    clock: { now: () => Date.now() },
    endpoint: s3.url,
    bucket: s3.bucket,
    region: s3.region,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    forcePathStyle: true,
    timeoutMs: 2000,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { code: err.code, retryable: err.retryable, message: err.message };
  }
  throw new Error('expected a failure');
}

describeBlobStore('S3 (fake S3 server)', () => store());

// The registry's definition is what the documents wiring uses: the same conformance, built through it.
describeBlobStore('S3 through its registry definition', () =>
  s3Connector.create(
    connectorContext(
      s3Connector,
      { http: testHttp(), fetch: globalThis.fetch, clock: { now: () => Date.now() } },
      {
        baseUrl: s3.url,
      },
    ),
    s3Connector.credentials.parse({
      bucket: s3.bucket,
      region: s3.region,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
    }),
  ),
);

describe('S3 blob store against the fake S3', () => {
  it('stores the object under the bucket with its content type, the key encoded once', async () => {
    await store().put('documents/a b+é', Buffer.from('%PDF'), 'application/pdf');
    expect(s3.objects.get('documents/a b+é')).toMatchObject({ contentType: 'application/pdf' });
    expect(s3.objects.get('documents/a b+é')?.bytes.toString()).toBe('%PDF');
  });

  it('is refused with wrong credentials, as S3 refuses them (permanent)', async () => {
    const wrongSecret = store({ credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: 'wrong' } });
    expect(await failure(wrongSecret.put('documents/x', Buffer.from('x'), 'text/plain'))).toMatchObject({
      code: 'upstream_permanent',
      message: 's3 PUT: credentials refused (HTTP 403) (SignatureDoesNotMatch)',
    });
    const wrongKey = store({ credentials: { accessKeyId: 'OTHER', secretAccessKey: s3.secretAccessKey } });
    expect((await failure(wrongKey.open('documents/x'))).message).toContain('InvalidAccessKeyId');
  });

  it('is refused when the clock is far off (the signature date is checked)', async () => {
    const skewed = store({ clock: { now: () => Date.now() - 60 * 60 * 1000 } });
    expect((await failure(skewed.put('documents/x', Buffer.from('x'), 'text/plain'))).message).toContain(
      'RequestTimeTooSkewed',
    );
  });

  it('names a missing bucket', async () => {
    expect(
      (await failure(store({ bucket: 'nope' }).put('documents/x', Buffer.from('x'), 'text/plain'))).message,
    ).toContain('NoSuchBucket');
  });

  it('classes S3 throttling and 5xx as retryable for the queue', async () => {
    s3.failNext(503, 'SlowDown');
    expect(await failure(store().put('documents/y', Buffer.from('y'), 'text/plain'))).toMatchObject({
      code: 'upstream_retryable',
      retryable: true,
    });
    s3.failNext(500, 'InternalError');
    expect(await failure(store().delete('documents/y'))).toMatchObject({ retryable: true });
  });

  it('works with virtual-hosted URLs when the endpoint resolves (bucket in the host name)', async () => {
    // fetch cannot resolve <bucket>.127.0.0.1, so route the request by hand and check its shape.
    const seen: string[] = [];
    const routed = store({
      forcePathStyle: false,
      endpoint: 'http://s3.example.test',
      fetch: async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        seen.push(url.host + url.pathname);
        const target = new URL(`${s3.url}/${s3.bucket}${url.pathname}`);
        const headers = new Headers(init?.headers);
        return globalThis.fetch(target, { ...init, headers });
      },
    });
    // The fake verifies the path-style request it receives, so only check the URL that was built.
    await routed.put('documents/v', Buffer.from('v'), 'text/plain').catch(() => undefined);
    expect(seen).toEqual([`${s3.bucket}.s3.example.test/documents/v`]);
  });
});
