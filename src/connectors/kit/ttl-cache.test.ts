import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache.js';

describe('createTtlCache', () => {
  it('shares one in-flight load between concurrent callers and caches it for ttlMs', async () => {
    let now = 0;
    const cache = createTtlCache<string>({ clock: { now: () => now }, ttlMs: 1000 });
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return `v${loads}`;
    };
    const results = await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)]);
    expect(results).toEqual(['v1', 'v1', 'v1']);
    now = 999;
    expect(await cache.get('k', load)).toBe('v1');
    now = 1000;
    expect(await cache.get('k', load)).toBe('v2');
    expect(loads).toBe(2);
  });

  it('does not cache failures', async () => {
    const cache = createTtlCache<number>({ clock: { now: () => 0 }, ttlMs: 1000 });
    await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('k', () => Promise.resolve(7))).toBe(7);
  });

  it('turns a synchronous throw in load into a rejection', async () => {
    const cache = createTtlCache<number>({ clock: { now: () => 0 }, ttlMs: 1000 });
    await expect(
      cache.get('k', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(cache.size).toBe(0);
  });

  it('stays bounded by maxEntries, dropping the oldest', async () => {
    const cache = createTtlCache<number>({ clock: { now: () => 0 }, ttlMs: 1000, maxEntries: 2 });
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('c', async () => 3);
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 10)).toBe(10);
    cache.delete('a');
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
