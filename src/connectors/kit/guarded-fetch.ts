import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { checkOutboundUrl, type OutboundPolicy } from './outbound-policy.js';
import { pinnedLookup } from './safe-download.js';

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A `fetch` for calls to admin-typed URLs: every call checks the URL under the outbound policy and
 * connects only to the addresses it checked (a pinned `lookup`, as safe-download.ts does), so a host
 * that re-resolves to 127.0.0.1 or 169.254.169.254 after the check is never reached. Never follows
 * redirects (the kit client asks for `redirect: 'manual'` anyway). Written on node:http(s) because
 * `fetch` cannot pin the connect address without undici's Agent, which is not a dependency here.
 * Handles what the kit client sends: string bodies and plain header records.
 */
export function guardedFetch(policy: OutboundPolicy): typeof fetch {
  return async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const addresses = await checkOutboundUrl(policy, url);
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : http;
    const signal = init.signal ?? undefined;
    const headers = Object.fromEntries(new Headers(init.headers ?? {}).entries());
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = transport.request(
        target,
        {
          method: init.method ?? 'GET',
          headers,
          agent: false,
          // Nothing to pin when the policy allows private addresses (no addresses were checked).
          ...(addresses.length > 0 ? { lookup: pinnedLookup(addresses) } : {}),
          ...(signal ? { signal } : {}),
        },
        resolve,
      );
      // An abort from the caller's signal surfaces as its reason (a TimeoutError for a timeout), the
      // way fetch reports it, so the kit classifies timeouts as such.
      request.on('error', (err) =>
        reject(signal?.aborted && signal.reason instanceof Error ? signal.reason : err),
      );
      request.end(body);
    });
    const status = response.statusCode ?? 0;
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
      else if (value !== undefined) responseHeaders.set(name, value);
    }
    if (NULL_BODY.has(status)) {
      response.resume();
      return new Response(null, { status, headers: responseHeaders });
    }
    return new Response(Readable.toWeb(response) as ReadableStream<Uint8Array>, {
      status: status >= 200 && status <= 599 ? status : 502,
      headers: responseHeaders,
    });
  };
}

/**
 * `guarded` for every URL except those under `trustedOrigins` (addresses HireBridge itself knows, such
 * as Ashby's public API), which go through `plain`: the guarded transport opens a new connection per
 * call, a cost worth paying for an admin-typed address but not for hundreds of calls to a fixed one.
 */
export function guardedUnlessTrusted(
  trustedOrigins: readonly string[],
  guarded: typeof fetch,
  plain: typeof fetch,
): typeof fetch {
  const trusted = new Set(trustedOrigins.map((o) => new URL(o).origin));
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return trusted.has(new URL(url).origin) ? plain(input, init) : guarded(input, init);
  };
}
