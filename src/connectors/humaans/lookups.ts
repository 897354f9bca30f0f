import { createTtlCache } from '../kit/ttl-cache.js';
import { systemClock } from '../kit/system-time.js';
import type { NamedItem } from './schemas.js';

/**
 * Humaans reference lists (locations, compensation types, document types) per tenant, cached: they change
 * rarely and every push needs them. Kept for the process because the push machinery may build a connector
 * instance per push. Failures are not cached.
 */
const cache = createTtlCache<readonly NamedItem[]>({
  clock: systemClock,
  ttlMs: 10 * 60_000,
  maxEntries: 1500,
});

export function cachedList(
  tenantKey: string,
  list: 'locations' | 'compensationTypes' | 'documentTypes',
  load: () => Promise<readonly NamedItem[]>,
): Promise<readonly NamedItem[]> {
  return cache.get(`${tenantKey}\n${list}`, load);
}
