import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses an outbound file download may connect to (reliability.md §4.4). Built on Node's
 * own `net.BlockList` instead of a hand-rolled CIDR parser: it already matches IPv4-mapped IPv6
 * addresses (`::ffff:127.0.0.1`, `::ffff:7f00:1`) against IPv4 rules, which is the classic bypass.
 *
 * Hostnames never reach this module: the caller resolves them and checks every address; numeric forms
 * such as `2130706433`, `0177.0.0.1` or `0x7f.1` are already normalised to dotted quads by the WHATWG
 * URL parser before they get here.
 */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

function list(v4: readonly string[], v6: readonly string[]): BlockList {
  const blocks = new BlockList();
  for (const cidr of v4) addSubnet(blocks, cidr, 'ipv4');
  for (const cidr of v6) addSubnet(blocks, cidr, 'ipv6');
  return blocks;
}

function addSubnet(blocks: BlockList, cidr: string, type: 'ipv4' | 'ipv6'): void {
  const [network = '', prefix = ''] = cidr.split('/');
  blocks.addSubnet(network, Number(prefix), type);
}

const LOOPBACK = list(['127.0.0.0/8'], ['::1/128']);
const PRIVATE = list(
  ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10' /* carrier-grade NAT */],
  ['fc00::/7' /* unique local */],
);
const LINK_LOCAL = list(['169.254.0.0/16' /* cloud metadata lives here */], ['fe80::/10']);
const RESERVED = list(
  [
    '0.0.0.0/8',
    '192.0.0.0/24',
    '192.0.2.0/24',
    '192.88.99.0/24',
    '198.18.0.0/15',
    '198.51.100.0/24',
    '203.0.113.0/24',
    '224.0.0.0/4',
    '240.0.0.0/4',
  ],
  [
    // Checked after loopback, so ::1 is loopback; the rest of ::/96 is unspecified or IPv4-compatible
    // (::a.b.c.d), which BlockList does not map onto the IPv4 rules.
    '::/96',
    // Prefixes that embed an IPv4 address a gateway would reach: NAT64, 6to4, Teredo (in 2001::/23).
    '64:ff9b::/96',
    '64:ff9b:1::/48',
    '2002::/16',
    '2001::/23',
    '2001:db8::/32',
    '100::/64',
    'fec0::/10',
    'ff00::/8',
  ],
);

/** The class of an IP address, or undefined when `address` is not an IP address at all. */
export function classifyAddress(address: string): AddressClass | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const version = isIP(bare);
  if (version === 0) return undefined;
  const type = version === 4 ? 'ipv4' : 'ipv6';
  if (LOOPBACK.check(bare, type)) return 'loopback';
  if (LINK_LOCAL.check(bare, type)) return 'link-local';
  if (PRIVATE.check(bare, type)) return 'private';
  if (RESERVED.check(bare, type)) return 'reserved';
  return 'public';
}

/**
 * Whether a URL's host is this machine: `localhost` or a loopback address. Decides whether a
 * connection talks to the local Ashby simulator, whose file links are loopback http URLs.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  return host === 'localhost' || classifyAddress(host) === 'loopback';
}
