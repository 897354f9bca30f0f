import { lookup } from 'node:dns/promises';
import { isLoopbackUrl } from './address-policy.js';
import { safeDownload, type ResolvedAddress } from './safe-download.js';
import type { FileFetcher } from '../../core/ports/file-fetcher.js';

/** Every address of a name, in the resolver's order (the download checks them all, then pins them). */
async function resolveHost(hostname: string): Promise<ResolvedAddress[]> {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/**
 * Downloads under the SSRF rules: plain http and loopback addresses only for links from a connection
 * whose API URL is itself loopback (the bundled Ashby simulator); everything else https to public addresses.
 */
export function fileFetcher(options: { timeoutMs: number; maxBytes: number }): FileFetcher {
  return {
    fetch: (url, context) =>
      safeDownload(
        { resolveHost, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes },
        url,
        { allowLoopback: isLoopbackUrl(context.sourceApiUrl) },
        context.signal,
      ),
  };
}
