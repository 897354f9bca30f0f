import type { Clock } from '../../core/ports/clock.js';

/**
 * A small TTL cache with in-flight de-duplication, for slow-changing upstream lists (departments,
 * locations, users, custom-field definitions). Hand-written because what we need is ~40 lines and the
 * libraries (lru-cache, p-memoize) either lack the "share the pending promise" part or bring a clock we
 * cannot inject. Failures are never cached: the next caller tries again.
 */
export interface TtlCache<V> {
  /** The cached value, or the result of `load` (shared with concurrent callers for the same key). */
  get(key: string, load: () => Promise<V>): Promise<V>;
  delete(key: string): void;
  clear(): void;
  readonly size: number;
}

export interface TtlCacheOptions {
  readonly clock: Clock;
  readonly ttlMs: number;
  /** Oldest entries are dropped past this many (default 1000), so a long-lived process stays bounded. */
  readonly maxEntries?: number;
}

interface Entry<V> {
  readonly value: Promise<V>;
  /** Undefined while the load is in flight. */
  expiresAt: number | undefined;
}

export function createTtlCache<V>(options: TtlCacheOptions): TtlCache<V> {
  const { clock, ttlMs } = options;
  const maxEntries = options.maxEntries ?? 1000;
  // Map keeps insertion order, so the first key is the oldest entry.
  const entries = new Map<string, Entry<V>>();

  const evictOverflow = () => {
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done) return;
      entries.delete(oldest.value);
    }
  };

  return {
    get(key, load) {
      const existing = entries.get(key);
      if (existing && (existing.expiresAt === undefined || existing.expiresAt > clock.now())) {
        return existing.value;
      }
      entries.delete(key);
      const entry: Entry<V> = { value: Promise.resolve().then(load), expiresAt: undefined };
      entries.set(key, entry);
      evictOverflow();
      entry.value.then(
        () => {
          if (entries.get(key) === entry) entry.expiresAt = clock.now() + ttlMs;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return entry.value;
    },
    delete(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
