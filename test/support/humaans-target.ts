import { systemClock } from '../../src/connectors/kit/system-time.js';
import type { HttpClient } from '../../src/connectors/kit/http-client.js';
import { testHttp } from '../../src/connectors/kit/testing/test-http.js';
import {
  createHumaansDestination,
  type HumaansDestination,
} from '../../src/connectors/humaans/destination.js';
import {
  startHumaansFake,
  type HumaansFake,
  type HumaansFakeOptions,
} from '../../src/connectors/humaans/fake/humaans-fake.js';
import { humaans } from '../../src/connectors/humaans/index.js';

let tenants = 0;

/**
 * A Humaans destination wired to a fresh fake, as the push machinery would build it from the definition:
 * what connector tests (and, with one call, the shared conformance suite) run against. Each target has its
 * own limiter key, so cached lists never leak between tests.
 */
export interface HumaansTarget {
  readonly fake: HumaansFake;
  readonly destination: HumaansDestination;
  destinationWith(apiToken: string, settings?: unknown): HumaansDestination;
  close(): Promise<void>;
}

export async function startHumaansTarget(
  options: {
    readonly settings?: unknown;
    readonly fake?: HumaansFakeOptions;
    readonly http?: HttpClient;
  } = {},
): Promise<HumaansTarget> {
  const fake = await startHumaansFake(options.fake);
  tenants += 1;
  const context = {
    http: options.http ?? testHttp(),
    baseUrl: fake.url,
    limiterKey: `humaans-test-${tenants}-${Math.random().toString(36).slice(2)}`,
    clock: systemClock,
    fetch: globalThis.fetch,
  };
  const destinationWith = (apiToken: string, settings: unknown = options.settings) =>
    createHumaansDestination(context, humaans.credentials.parse({ apiToken }), settings);
  return { fake, destination: destinationWith(fake.apiToken), destinationWith, close: () => fake.close() };
}
