import { systemClock } from '../../src/connectors/kit/system-time.js';
import type { HttpClient } from '../../src/connectors/kit/http-client.js';
import { testHttp } from '../../src/connectors/kit/testing/test-http.js';
import {
  startHibobFake,
  type HibobFake,
  type HibobFakeOptions,
} from '../../src/connectors/hibob/fake/hibob-fake.js';
import { createHibobDestination, type HibobDestination } from '../../src/connectors/hibob/destination.js';
import { hibob } from '../../src/connectors/hibob/index.js';

let tenants = 0;

/**
 * A HiBob destination wired to a fresh fake, as the push machinery would build it from the definition:
 * what connector tests (and, with one call, the shared conformance suite) run against. Each target gets
 * its own limiter key, so pacing state never leaks between tests.
 */
export interface HibobTarget {
  readonly fake: HibobFake;
  readonly destination: HibobDestination;
  /** Another destination on the same fake (other credentials or settings). */
  destinationWith(
    credentials: { serviceUserId: string; token: string },
    settings?: unknown,
  ): HibobDestination;
  close(): Promise<void>;
}

export async function startHibobTarget(
  options: { readonly settings?: unknown; readonly fake?: HibobFakeOptions; readonly http?: HttpClient } = {},
): Promise<HibobTarget> {
  // The fake enforces Bob's limits unless a test raises them; most tests write more than 10 times a minute.
  const fake = await startHibobFake({ writesPerMinute: 1000, searchesPerMinute: 1000, ...options.fake });
  const http = options.http ?? testHttp();
  tenants += 1;
  const limiterKey = `hibob-test-${tenants}-${Math.random().toString(36).slice(2)}`;
  const context = { http, baseUrl: fake.url, limiterKey, clock: systemClock, fetch: globalThis.fetch };
  // Tests pace faster than Bob's assumed 10 writes a minute unless they set the pace themselves.
  const destinationWith = (
    credentials: { serviceUserId: string; token: string },
    s: unknown = options.settings,
  ) =>
    createHibobDestination(context, hibob.credentials.parse(credentials), {
      writesPerMinute: 6000,
      searchesPerMinute: 6000,
      ...(s as object | undefined),
    });
  return {
    fake,
    destination: destinationWith(fake.credentials),
    destinationWith,
    close: () => fake.close(),
  };
}
