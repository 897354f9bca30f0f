import { describeDestinationConformance } from '../../../test/conformance/destination.js';
import {
  conformanceHttp,
  countWithEmail,
  refusable,
  retryAfterOf,
} from '../../../test/conformance/destination-support.js';
import { startCharthopFake } from './fake/charthop-fake.js';
import { charthop } from './index.js';

describeDestinationConformance('charthop', async (clock) => {
  const fake = await startCharthopFake();
  const context = {
    http: conformanceHttp(clock),
    baseUrl: fake.url,
    limiterKey: 'conformance',
    clock,
    fetch: globalThis.fetch,
  };
  const credentials = (apiToken: string) => charthop.credentials.parse({ apiToken, orgId: fake.orgId });
  const { client, refuse } = refusable(
    charthop.create(context, credentials(fake.apiToken)),
    charthop.create(context, credentials('revoked-token')),
  );
  return {
    client,
    fake: {
      peopleWith: (email) => Promise.resolve(countWithEmail(fake.state.persons.values(), email)),
      lastFieldsOf: (remoteId) => {
        const p = fake.state.persons.get(remoteId);
        return Promise.resolve(p && { firstName: p.name.first, lastName: p.name.last });
      },
      requestCount: () => fake.calls.length,
      failNext: (times, fault) => fake.faults.failNext(fault.status, times, retryAfterOf(fault.headers)),
      refuseCredentials: refuse,
      seedPerson: (p) =>
        Promise.resolve(
          fake.state.addPerson({
            name: { first: p.firstName, last: p.lastName },
            contact: { homeEmail: p.personalEmail },
          }).id,
        ),
      close: () => fake.close(),
    },
  };
});
