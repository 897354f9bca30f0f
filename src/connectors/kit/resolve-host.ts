import { lookup } from 'node:dns/promises';
import type { ResolvedAddress } from './safe-download.js';

/** Every address of a name, in the resolver's order (callers check them all, then pin them). */
export async function resolveHost(hostname: string): Promise<ResolvedAddress[]> {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}
