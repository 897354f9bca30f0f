import { AppError } from '../../core/errors/app-error.js';
import type { BlobStore } from '../../core/ports/blob-store.js';
import type { Clock } from '../../core/ports/clock.js';
import { sha256Hex, signRequest, uriEncode, type AwsCredentials } from '../kit/aws-sigv4.js';
import { errorForStatus, errorForTransport } from '../kit/classify.js';
import { discardBody } from '../kit/read-body.js';

export interface S3Options {
  readonly fetch: typeof globalThis.fetch;
  readonly clock: Clock;
  /** e.g. https://s3.eu-west-1.amazonaws.com, https://<account>.r2.cloudflarestorage.com, http://127.0.0.1:9000 */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly credentials: AwsCredentials;
  /** Path-style URLs (endpoint/bucket/key): MinIO, Garage, Ceph and most S3-compatible servers. Virtual-hosted otherwise. */
  readonly forcePathStyle: boolean;
  /** Until the response headers arrive; the body then streams at the reader's pace. */
  readonly timeoutMs: number;
}

const ENDPOINT = 's3';

/**
 * The S3-compatible blob store: PutObject, GetObject and DeleteObject over `fetch`, signed with SigV4
 * (kit/aws-sigv4.ts), since no AWS SDK may be installed here. Bodies are signed by their SHA-256
 * (x-amz-content-sha256), so the server rejects a body altered on the way. Retries are the job queue's:
 * every failure is a classified AppError naming the operation, never the key or the URL.
 */
export function s3BlobStore(options: S3Options): BlobStore {
  const base = new URL(options.endpoint);
  const basePath = base.pathname.replace(/\/+$/, '');

  function urlOf(key: string): URL {
    const encodedKey = key.split('/').map(uriEncode).join('/');
    if (options.forcePathStyle)
      return new URL(`${base.origin}${basePath}/${uriEncode(options.bucket)}/${encodedKey}`);
    return new URL(`${base.protocol}//${options.bucket}.${base.host}${basePath}/${encodedKey}`);
  }

  async function send(
    method: 'PUT' | 'GET' | 'DELETE',
    key: string,
    body?: Uint8Array,
    contentType?: string,
  ): Promise<Response> {
    const url = urlOf(key);
    const payloadHash = sha256Hex(body ?? '');
    const headers = signRequest({
      method,
      url,
      headers: {
        'x-amz-content-sha256': payloadHash,
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      payloadHash,
      credentials: options.credentials,
      region: options.region,
      service: 's3',
      now: options.clock.now(),
    });
    // fetch sets Host itself (the same value that was signed) and refuses it as a request header.
    delete headers['host'];
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('headers timeout', 'TimeoutError')),
      options.timeoutMs,
    );
    try {
      return await options.fetch(url, {
        method,
        headers,
        ...(body ? { body } : {}),
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch (err) {
      throw errorForTransport(
        `${ENDPOINT} ${method}`,
        controller.signal.aborted ? Object.assign(new Error('timed out'), { name: 'TimeoutError' }) : err,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async function fail(method: string, response: Response): Promise<never> {
    const code = await s3ErrorCode(response);
    const err = errorForStatus(`${ENDPOINT} ${method}`, response.status);
    throw new AppError(err.code, code ? `${err.message} (${code})` : err.message, {
      details: { ...err.details, ...(code ? { s3Code: code } : {}) },
      retryable: err.retryable,
    });
  }

  return {
    put: async (key, bytes, contentType) => {
      const response = await send('PUT', key, bytes, contentType);
      if (!response.ok) await fail('PUT', response);
      await discardBody(response);
    },
    open: async (key) => {
      const response = await send('GET', key);
      if (response.status === 404) {
        await discardBody(response);
        return undefined;
      }
      if (!response.ok || !response.body) await fail('GET', response);
      return response.body as AsyncIterable<Uint8Array>;
    },
    delete: async (key) => {
      const response = await send('DELETE', key);
      // S3 answers 204 for a missing key too; some compatible servers answer 404.
      if (!response.ok && response.status !== 404) await fail('DELETE', response);
      await discardBody(response);
    },
  };
}

/** The <Code> of an S3 XML error (NoSuchBucket, SignatureDoesNotMatch, ...), when it looks like one. */
async function s3ErrorCode(response: Response): Promise<string | undefined> {
  try {
    const text = (await response.text()).slice(0, 4096);
    const code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(text)?.[1];
    return code;
  } catch {
    return undefined;
  }
}
