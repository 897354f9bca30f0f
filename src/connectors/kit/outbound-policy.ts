import { AppError } from '../../core/errors/app-error.js';
import { classifyAddress } from './address-policy.js';
import { resolveHost } from './resolve-host.js';
import type { ResolvedAddress } from './safe-download.js';

/**
 * The one rule for every URL an admin types (destination URLs, the Slack webhook, a custom Ashby API
 * URL): https to public addresses only, unless the deployment sets ALLOW_PRIVATE_OUTBOUND=true (tests,
 * the demo, HR systems on a private network), which allows http and any address. Checked when the URL
 * is saved and again, pinned to the checked addresses, on every call (guarded-fetch.ts), so a DNS
 * answer that changes after the check cannot redirect a call inward.
 */
export interface OutboundPolicy {
  readonly allowPrivate: boolean;
  /** Every address of a hostname (dns.promises.lookup with `all: true` in production). */
  readonly resolveHost: (hostname: string) => Promise<readonly ResolvedAddress[]>;
}

/** The deployment's policy, resolving names with the system resolver. */
export const outboundPolicy = (allowPrivate: boolean): OutboundPolicy => ({ allowPrivate, resolveHost });

/**
 * The addresses a call to `url` may connect to; throws `validation_failed` naming the rule broken.
 * Empty when private addresses are allowed: there is nothing to pin then, and a name that only the
 * deployment's own network resolves (an on-premise HR system) is not refused for it.
 */
export async function checkOutboundUrl(
  policy: OutboundPolicy,
  url: string,
  field = 'url',
): Promise<ResolvedAddress[]> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw refused(field, 'is not a valid URL');
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw refused(field, `the ${target.protocol.replace(/:$/, '')} scheme is not allowed`);
  if (target.username !== '' || target.password !== '')
    throw refused(field, 'must not carry a user name or password');
  if (policy.allowPrivate) return [];
  const host = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
  const literal = classifyAddress(host);
  let addresses: ResolvedAddress[];
  try {
    addresses =
      literal === undefined
        ? [...(await policy.resolveHost(host))]
        : [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } catch {
    throw refused(field, `its host ${host} could not be resolved`);
  }
  if (addresses.length === 0) throw refused(field, `its host ${host} has no address`);
  if (target.protocol !== 'https:')
    throw refused(
      field,
      'must use https (set ALLOW_PRIVATE_OUTBOUND=true to allow http on a private network)',
    );
  for (const { address } of addresses) {
    const kind = classifyAddress(address) ?? 'reserved';
    if (kind !== 'public')
      throw refused(
        field,
        `resolves to a ${kind} address (${address}); only public addresses are allowed unless ALLOW_PRIVATE_OUTBOUND=true`,
      );
  }
  return addresses;
}

function refused(field: string, why: string): AppError {
  return new AppError('validation_failed', `${field} ${why}`, {
    details: { problems: [{ field, message: why }], reason: 'outbound_refused' },
  });
}
