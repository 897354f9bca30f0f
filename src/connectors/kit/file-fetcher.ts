import { isLoopbackUrl } from './address-policy.js';
import { resolveHost } from './resolve-host.js';
import { safeDownload } from './safe-download.js';
import type { FileFetcher } from '../../core/ports/file-fetcher.js';

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
