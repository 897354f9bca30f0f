/**
 * The group a client address is counted in by the sign-in throttle: an IPv4 address as itself, an IPv6
 * address by its /64 (one home or cloud host gets a whole /64, so counting single IPv6 addresses would
 * give an attacker 2^64 fresh ones). IPv4-mapped IPv6 (`::ffff:1.2.3.4`) counts as the IPv4 address.
 * Hand-written (a dozen lines) because core/ takes no I/O or runtime libraries, and node:net offers no
 * IPv6 expansion.
 */
export function addressGroup(address: string): string {
  const plain = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (mapped) return mapped[1]!;
  if (!plain.includes(':')) return plain;
  const hextets = expandIpv6(plain);
  return hextets ? `${hextets.slice(0, 4).join(':')}::/64` : plain;
}

/** The eight hextets of an IPv6 address (an embedded IPv4 tail as two), or undefined when malformed. */
function expandIpv6(address: string): string[] | undefined {
  const ipv4Tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  let text = address;
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${address.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((h) => /^[0-9a-f]{1,4}$/.test(h))) return undefined;
  return all.map((h) => h.replace(/^0+(?=.)/, ''));
}
