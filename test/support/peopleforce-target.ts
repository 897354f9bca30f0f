import { systemClock } from '../../src/connectors/kit/system-time.js';
import { testHttp } from '../../src/connectors/kit/testing/test-http.js';
import type { HttpClientOptions } from '../../src/connectors/kit/http-client.js';
import { peopleforce } from '../../src/connectors/peopleforce/index.js';
import {
  startPeopleforceFake,
  type PeopleforceFake,
} from '../../src/connectors/peopleforce/fake/peopleforce-fake.js';
import type { DestinationTarget } from './destination-target.js';

export async function startPeopleforceTarget(
  http: Partial<HttpClientOptions> = {},
): Promise<DestinationTarget<PeopleforceFake>> {
  const fake = await startPeopleforceFake();
  const credentials = peopleforce.credentials.parse({ apiKey: fake.apiKey });
  const client = peopleforce.create(
    {
      http: testHttp(http),
      baseUrl: fake.url,
      limiterKey: 'peopleforce:test',
      clock: systemClock,
      fetch: globalThis.fetch,
    },
    credentials,
  );
  return {
    type: peopleforce.type,
    client,
    fake,
    personCount: () => fake.state.employees.size,
    seedPerson: (personalEmail) =>
      String(
        fake.state.addEmployee({ first_name: 'Seeded', last_name: 'Person', personal_email: personalEmail })
          .id,
      ),
    failNext: (status, count = 1) => fake.faults.failNext(status, count, status === 429 ? 1 : undefined),
    close: () => fake.close(),
  };
}
