import { createHash } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import { classifyAddress } from './address-policy.js';
import { errorForStatus, errorForTransport } from './classify.js';

/**
 * Downloads a file from a URL a third party gave us (Ashby's `file.info`), following the SSRF rules of
 * reliability.md §4.4:
 *   - https only; plain http and loopback addresses only in `allowLoopback` mode (a connection whose own
 *     API URL is loopback: the local Ashby simulator);
 *   - the host is resolved once, every address it resolves to is checked (private, loopback, link-local,
 *     CGNAT, reserved and IPv4-mapped/embedded forms refused), and the connection is made to one of those
 *     checked addresses through a pinned `lookup`, so DNS rebinding between check and connect is useless;
 *   - redirects are followed by hand, at most a few, each hop checked again like the first URL;
 *   - no credentials: this module has no way to send an Authorization header, and URLs carrying
 *     user:password are refused (Node would turn them into Basic auth);
 *   - a timeout over the whole download and a byte cap enforced while streaming (a declared
 *     Content-Length above it fails before reading).
 *
 * Hand-written on node:http(s) because no SSRF-filtering library is installed here (and packages may not
 * be added): `fetch` cannot pin the connect address without undici's Agent, which is not a dependency.
 * The address rules live in address-policy.ts on Node's net.BlockList.
 */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

export interface SafeDownloadOptions {
  /** Every address of a hostname (dns.promises.lookup with `all: true` in production; a table in tests). */
  readonly resolveHost: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  /** Over the whole download: every redirect hop, headers and body. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** Redirect hops followed before giving up (default 3). */
  readonly maxRedirects?: number;
}

export interface DownloadPolicy {
  /** Allow http: URLs and loopback addresses (and nothing else that is not public). */
  readonly allowLoopback: boolean;
}

export interface DownloadedFile {
  readonly bytes: Uint8Array;
  /** `type/subtype` from Content-Type, lower-cased without parameters; application/octet-stream when absent or odd. */
  readonly contentType: string;
  readonly size: number;
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string;
}

const ENDPOINT = 'file download';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function safeDownload(
  options: SafeDownloadOptions,
  url: string,
  policy: DownloadPolicy,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const maxRedirects = options.maxRedirects ?? 3;
  let target = parseUrl(url);
  try {
    for (let hop = 0; ; hop++) {
      const addresses = await checkTarget(options, target, policy);
      const response = await get(target, addresses, combined);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.resume();
        if (hop >= maxRedirects) throw refused(`more than ${maxRedirects} redirects`, 'too_many_redirects');
        target = parseUrl(location, target);
        continue;
      }
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        response.resume();
        throw statusError(status);
      }
      return await readCapped(response, options.maxBytes);
    }
  } catch (err) {
    if (timeout.aborted && !(signal?.aborted ?? false)) {
      throw new AppError('upstream_retryable', `${ENDPOINT}: timed out after ${options.timeoutMs} ms`, {
        details: { endpoint: ENDPOINT, reason: 'timeout' },
        cause: err,
      });
    }
    throw isAppError(err) ? err : errorForTransport(ENDPOINT, err);
  }
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw refused('not a valid URL', 'invalid_url');
  }
}

/** Checks scheme, credentials and every address of the host; returns the addresses to connect to. */
async function checkTarget(
  options: SafeDownloadOptions,
  target: URL,
  policy: DownloadPolicy,
): Promise<ResolvedAddress[]> {
  if (target.protocol !== 'https:' && !(policy.allowLoopback && target.protocol === 'http:')) {
    throw refused(`the ${target.protocol.replace(/:$/, '')} scheme is not allowed (https only)`, 'scheme');
  }
  if (target.username !== '' || target.password !== '')
    throw refused('URLs with credentials are not allowed', 'credentials');
  const host = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
  const literal = classifyAddress(host);
  const addresses: ResolvedAddress[] =
    literal === undefined
      ? [...(await options.resolveHost(host))]
      : [{ address: host, family: host.includes(':') ? 6 : 4 }];
  if (addresses.length === 0) throw refused('the host has no address', 'no_address');
  for (const { address } of addresses) {
    const kind = classifyAddress(address) ?? 'reserved';
    const allowed = kind === 'public' || (kind === 'loopback' && policy.allowLoopback);
    // Addresses are ours to name (no personal data); the URL is not: presigned URLs carry tokens.
    if (!allowed) throw refused(`the host resolves to a ${kind} address (${address})`, 'address');
  }
  // Plain http is the simulator's, never the internet's: only when every address is loopback.
  if (target.protocol === 'http:' && addresses.some((a) => classifyAddress(a.address) !== 'loopback')) {
    throw refused('plain http is allowed to loopback addresses only', 'scheme');
  }
  return addresses;
}

/** A `lookup` that answers with the already checked addresses instead of asking DNS again. */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
    const usable = addresses.filter((a) => family === 0 || a.family === family);
    const first = usable[0];
    if (!first) {
      callback(
        Object.assign(new Error('no checked address of the requested family'), { code: 'ENOTFOUND' }),
        '',
        0,
      );
      return;
    }
    if (lookupOptions.all === true) {
      (callback as unknown as (err: null, all: ResolvedAddress[]) => void)(null, usable);
      return;
    }
    callback(null, first.address, first.family);
  };
}

function get(
  target: URL,
  addresses: readonly ResolvedAddress[],
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: 'GET',
        // Only these headers, whatever host: never an Authorization or cookie.
        headers: { accept: '*/*', 'accept-encoding': 'identity', 'user-agent': 'HireBridge file fetch' },
        // A fresh socket per request: a pooled one might have been opened to another address.
        agent: false,
        lookup: pinnedLookup(addresses),
        signal,
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<DownloadedFile> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes, declared);
  }
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge(maxBytes, null);
    }
    hash.update(chunk);
    chunks.push(chunk);
  }
  return {
    bytes: new Uint8Array(Buffer.concat(chunks, size)),
    contentType: contentTypeOf(response.headers['content-type']),
    size,
    sha256: hash.digest('hex'),
  };
}

/** `type/subtype` only, lower case; anything unusual becomes application/octet-stream. */
export function contentTypeOf(header: string | undefined): string {
  const value = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(value)
    ? value
    : 'application/octet-stream';
}

const MIB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`);

function tooLarge(maxBytes: number, declared: number | null): AppError {
  return new AppError(
    'upstream_permanent',
    `the file is larger than the ${sizeText(maxBytes)} limit${declared === null ? '' : ` (${declared} bytes)`}`,
    {
      details: {
        endpoint: ENDPOINT,
        reason: 'file_too_large',
        limitBytes: maxBytes,
        ...(declared === null ? {} : { declaredBytes: declared }),
      },
    },
  );
}

function refused(why: string, rule: string): AppError {
  return new AppError('upstream_permanent', `file URL refused: ${why}`, {
    details: { endpoint: ENDPOINT, reason: 'ssrf_refused', rule },
  });
}

function statusError(status: number): AppError {
  // A presigned link that expired between file.info and the download answers 403; the next attempt asks
  // Ashby for a fresh link, so that one is worth retrying.
  if (status === 403) {
    return new AppError('upstream_retryable', `${ENDPOINT}: the file host refused the link (HTTP 403)`, {
      details: { endpoint: ENDPOINT, status },
    });
  }
  return errorForStatus(ENDPOINT, status);
}
