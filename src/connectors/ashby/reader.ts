import type { Clock } from '../../core/ports/clock.js';
import { createTtlCache } from '../kit/ttl-cache.js';
import type { AshbyClient } from './client.js';
import type { CustomFieldDefinition, Department, Location, User } from './schemas.js';

/**
 * The Ashby client plus TTL caches for the slow-changing lookups a hire needs: departments, locations,
 * users and custom-field definitions. One reader lives as long as the worker, so a burst of hires costs
 * one lookup per department instead of one per hire. Concurrent misses for the same id share one call.
 * Applications, candidates, offers and jobs are never cached: they are the hire itself and must be
 * current (the webhook is only a trigger, reliability.md §1.4).
 */
export interface AshbyReader {
  readonly client: AshbyClient;
  department(departmentId: string): Promise<Department>;
  location(locationId: string): Promise<Location>;
  user(userId: string): Promise<User>;
  customFieldDefinitions(): Promise<readonly CustomFieldDefinition[]>;
  /** Drops every cached entry (e.g. after an admin changed the API key). */
  clear(): void;
}

export interface AshbyReaderOptions {
  readonly clock: Clock;
  /** Default 5 minutes: long enough to absorb a burst, short enough that a renamed department shows up soon. */
  readonly ttlMs?: number;
}

const DEFAULT_TTL_MS = 5 * 60 * 1000;

export function createAshbyReader(client: AshbyClient, options: AshbyReaderOptions): AshbyReader {
  const cacheOptions = { clock: options.clock, ttlMs: options.ttlMs ?? DEFAULT_TTL_MS };
  const departments = createTtlCache<Department>(cacheOptions);
  const locations = createTtlCache<Location>(cacheOptions);
  const users = createTtlCache<User>(cacheOptions);
  const definitions = createTtlCache<readonly CustomFieldDefinition[]>(cacheOptions);
  return {
    client,
    department: (id) => departments.get(id, () => client.departmentInfo(id)),
    location: (id) => locations.get(id, () => client.locationInfo(id)),
    user: (id) => users.get(id, () => client.userInfo(id)),
    customFieldDefinitions: () => definitions.get('all', () => client.customFieldList()),
    clear: () => {
      departments.clear();
      locations.clear();
      users.clear();
      definitions.clear();
    },
  };
}
