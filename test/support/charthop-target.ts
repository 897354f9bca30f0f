import { systemClock } from '../../src/connectors/kit/system-time.js';
import { charthop } from '../../src/connectors/charthop/index.js';
import { startCharthopFake, type CharthopFake } from '../../src/connectors/charthop/fake/charthop-fake.js';
import { testHttp } from '../../src/connectors/kit/testing/test-http.js';
import type { HttpClientOptions } from '../../src/connectors/kit/http-client.js';
import type { DestinationTarget } from './destination-target.js';

export async function startCharthopTarget(
  http: Partial<HttpClientOptions> = {},
): Promise<DestinationTarget<CharthopFake>> {
  const fake = await startCharthopFake();
  const credentials = charthop.credentials.parse({ apiToken: fake.apiToken, orgId: fake.orgId });
  const client = charthop.create(
    {
      http: testHttp(http),
      baseUrl: fake.url,
      limiterKey: 'charthop:test',
      clock: systemClock,
      fetch: globalThis.fetch,
    },
    credentials,
  );
  return {
    type: charthop.type,
    client,
    fake,
    personCount: () => fake.state.persons.size,
    seedPerson: (homeEmail) =>
      fake.state.addPerson({ name: { first: 'Seeded', last: 'Person' }, contact: { homeEmail } }).id,
    failNext: (status, count = 1) => fake.faults.failNext(status, count, status === 429 ? 1 : undefined),
    close: () => fake.close(),
  };
}
