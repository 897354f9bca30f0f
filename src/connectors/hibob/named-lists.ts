import { createTtlCache } from '../kit/ttl-cache.js';
import { systemClock } from '../kit/system-time.js';
import type { HibobApi } from './client.js';
import type { LoadedLists } from './to-employee.js';

/**
 * Bob's named lists per tenant, cached: they change rarely, and every push needs the department's item
 * id. Kept per tenant for the process (instances may be built per push). A value with no item makes the
 * caller reload once (`fresh`), so an item an admin just added in Bob is found without waiting.
 */
const cache = createTtlCache<LoadedLists>({ clock: systemClock, ttlMs: 10 * 60_000, maxEntries: 500 });

export async function namedListsFor(
  tenantKey: string,
  api: HibobApi,
  options: { readonly fresh?: boolean; readonly signal?: AbortSignal | undefined } = {},
): Promise<LoadedLists> {
  if (options.fresh) cache.delete(tenantKey);
  return cache.get(tenantKey, () => api.namedLists(options.signal));
}
