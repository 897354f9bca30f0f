import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small S3-compatible server on 127.0.0.1 for tests: path-style PutObject, GetObject, HeadObject and
 * DeleteObject, answering the way S3 does (XML errors with NoSuchKey, NoSuchBucket, AccessDenied,
 * InvalidAccessKeyId, SignatureDoesNotMatch, XAmzContentSHA256Mismatch, RequestTimeTooSkewed; 204 on
 * delete, missing or not). Every request must carry a valid SigV4 Authorization header: the signature
 * is recomputed here from the request as received, with its own code (fakes import nothing from
 * production), so a client that signs wrongly is refused as a real S3 would refuse it.
 */
export interface FakeS3Object {
  readonly bytes: Buffer;
  readonly contentType: string;
}

export interface FakeS3 {
  readonly url: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly bucket: string;
  /** Objects by key, to assert on. */
  readonly objects: Map<string, FakeS3Object>;
  /** Requests by method, and how many were refused. */
  readonly stats: { requests: Record<string, number>; refused: number };
  /** The next `count` requests answer this status with an S3 error body (InternalError, SlowDown ...). */
  failNext(status: number, code: string, count?: number): void;
  close(): Promise<void>;
}

const MAX_SKEW_MS = 15 * 60 * 1000;

export async function startFakeS3(
  options: {
    bucket?: string;
    region?: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    now?: () => number;
  } = {},
): Promise<FakeS3> {
  const bucket = options.bucket ?? 'hirebridge-test';
  const region = options.region ?? 'us-east-1';
  const accessKeyId = options.accessKeyId ?? 'FAKEACCESSKEY';
  const secretAccessKey = options.secretAccessKey ?? 'fake/secret/key';
  const now = options.now ?? Date.now;
  const objects = new Map<string, FakeS3Object>();
  const stats = { requests: {} as Record<string, number>, refused: 0 };
  let failures: { status: number; code: string; left: number } | undefined;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });

  function handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const method = req.method ?? 'GET';
    stats.requests[method] = (stats.requests[method] ?? 0) + 1;
    const refuse = (status: number, code: string) => {
      stats.refused += 1;
      sendError(res, status, code, method === 'HEAD');
    };
    if (failures && failures.left > 0) {
      failures.left -= 1;
      sendError(res, failures.status, failures.code, method === 'HEAD');
      return;
    }
    const auth = verify(req, body);
    if (auth !== 'ok') return refuse(403, auth);
    const url = new URL(req.url ?? '/', 'http://fake-s3');
    const [, bucketName = '', ...rest] = url.pathname.split('/');
    const key = rest.map((s) => decodeURIComponent(s)).join('/');
    if (decodeURIComponent(bucketName) !== bucket) return refuse(404, 'NoSuchBucket');
    if (key === '') return refuse(400, 'InvalidRequest');
    switch (method) {
      case 'PUT': {
        const etag = createHash('md5').update(body).digest('hex');
        objects.set(key, { bytes: body, contentType: req.headers['content-type'] ?? 'binary/octet-stream' });
        res.writeHead(200, { etag: `"${etag}"` }).end();
        return;
      }
      case 'GET':
      case 'HEAD': {
        const object = objects.get(key);
        if (!object) return refuse(404, 'NoSuchKey');
        res.writeHead(200, {
          'content-type': object.contentType,
          'content-length': String(object.bytes.length),
        });
        res.end(method === 'HEAD' ? undefined : object.bytes);
        return;
      }
      case 'DELETE':
        objects.delete(key);
        res.writeHead(204).end();
        return;
      default:
        refuse(405, 'MethodNotAllowed');
    }
  }

  /** 'ok', or the S3 error code of the refusal. */
  function verify(req: IncomingMessage, body: Buffer): string {
    const header = req.headers.authorization ?? '';
    const match =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
        header,
      );
    if (!match) return 'AccessDenied';
    const [, keyId = '', day = '', scopeRegion = '', signedHeaders = '', signature = ''] = match;
    if (keyId !== accessKeyId) return 'InvalidAccessKeyId';
    if (scopeRegion !== region) return 'AuthorizationHeaderMalformed';
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    const at = Date.parse(
      amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
    );
    if (Number.isNaN(at) || !amzDate.startsWith(day)) return 'AccessDenied';
    if (Math.abs(now() - at) > MAX_SKEW_MS) return 'RequestTimeTooSkewed';
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    if (
      payloadHash !== 'UNSIGNED-PAYLOAD' &&
      payloadHash !== createHash('sha256').update(body).digest('hex')
    ) {
      return 'XAmzContentSHA256Mismatch';
    }
    const names = signedHeaders.split(';');
    if (!names.includes('host') || !names.includes('x-amz-content-sha256')) return 'AccessDenied';
    const url = new URL(req.url ?? '/', 'http://fake-s3');
    const canonicalRequest = [
      req.method ?? 'GET',
      url.pathname,
      [...url.searchParams]
        .map(([k, v]) => `${enc(k)}=${enc(v)}`)
        .sort()
        .join('&'),
      names.map((n) => `${n}:${headerValue(req, n)}\n`).join(''),
      signedHeaders,
      payloadHash,
    ].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
    let signingKey = hmac(`AWS4${secretAccessKey}`, day);
    for (const part of [region, 's3', 'aws4_request']) signingKey = hmac(signingKey, part);
    const expected = hmac(signingKey, stringToSign);
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? 'ok'
      : 'SignatureDoesNotMatch';
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    region,
    accessKeyId,
    secretAccessKey,
    bucket,
    objects,
    stats,
    failNext: (status, code, count = 1) => {
      failures = { status, code, left: count };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function headerValue(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ');
}

function enc(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sendError(res: ServerResponse, status: number, code: string, head: boolean): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message><RequestId>fake</RequestId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(head ? undefined : xml);
}
