import type { Clock } from '../../core/ports/clock.js';
import { createTtlCache } from '../kit/ttl-cache.js';
import type { AshbyClient } from './client.js';
import { paginate, type AshbyPage } from './paginate.js';
import type { CustomFieldDefinition, Department, Job, Location, User } from './schemas.js';

/**
 * The Ashby client plus TTL caches for the slow-changing lookups a hire needs: jobs, departments,
 * locations, users and custom-field definitions. One reader lives as long as the worker, so a burst of
 * hires costs one lookup per job instead of one per hire. Concurrent misses for the same id share one
 * call. Departments and locations are read as whole lists (department.list, location.list: one call for
 * all of them, where the first hire of each would cost a call), with `*.info` for an id the list lacks
 * (created since). A job's title or hiring team may be up to one TTL old in a hire; applications,
 * candidates and offers are never cached: they are the hire itself and must be current (the webhook is
 * only a trigger, reliability.md §1.4).
 */
export interface AshbyReader {
  readonly client: AshbyClient;
  job(jobId: string): Promise<Job>;
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

/** A page of a whole list, archived entries included (a job may still point at an archived department). */
const allOf = (cursor: string | undefined) =>
  cursor === undefined ? { includeArchived: true } : { includeArchived: true, cursor };

const DEFAULT_TTL_MS = 5 * 60 * 1000;

export function createAshbyReader(client: AshbyClient, options: AshbyReaderOptions): AshbyReader {
  const cacheOptions = { clock: options.clock, ttlMs: options.ttlMs ?? DEFAULT_TTL_MS };
  const jobs = createTtlCache<Job>(cacheOptions);
  const departments = createTtlCache<Department>(cacheOptions);
  const locations = createTtlCache<Location>(cacheOptions);
  const lists = createTtlCache<ReadonlyMap<string, Department | Location>>(cacheOptions);
  const listed = <T extends Department | Location>(
    name: 'departments' | 'locations',
    fetchPage: (cursor: string | undefined) => Promise<AshbyPage<T>>,
  ) =>
    lists.get(name, async () => {
      const all = new Map<string, T>();
      try {
        for await (const page of paginate(fetchPage)) for (const item of page.results) all.set(item.id, item);
      } catch {
        // Kept empty for one TTL (each id is then read with *.info): a failing or forbidden list must not
        // cost a call on every hire. Failures of the *.info reads still propagate.
        return new Map<string, T>();
      }
      return all;
    }) as Promise<ReadonlyMap<string, T>>;
  const fromList = async <T extends Department | Location>(
    list: Promise<ReadonlyMap<string, T>>,
    id: string,
    one: () => Promise<T>,
  ) => (await list).get(id) ?? one();
  const users = createTtlCache<User>(cacheOptions);
  const definitions = createTtlCache<readonly CustomFieldDefinition[]>(cacheOptions);
  return {
    client,
    job: (id) => jobs.get(id, () => client.jobInfo(id)),
    department: (id) =>
      fromList(
        listed('departments', (cursor) => client.departmentList(allOf(cursor))),
        id,
        () => departments.get(id, () => client.departmentInfo(id)),
      ),
    location: (id) =>
      fromList(
        listed('locations', (cursor) => client.locationList(allOf(cursor))),
        id,
        () => locations.get(id, () => client.locationInfo(id)),
      ),
    user: (id) => users.get(id, () => client.userInfo(id)),
    customFieldDefinitions: () => definitions.get('all', () => client.customFieldList()),
    clear: () => {
      jobs.clear();
      lists.clear();
      departments.clear();
      locations.clear();
      users.clear();
      definitions.clear();
    },
  };
}
