import { describeDestinationConformance } from '../../../test/conformance/destination.js';
import {
  conformanceHttp,
  countWithEmail,
  refusable,
  retryAfterOf,
} from '../../../test/conformance/destination-support.js';
import { startPeopleforceFake } from './fake/peopleforce-fake.js';
import { peopleforce } from './index.js';

describeDestinationConformance('peopleforce', async (clock) => {
  const fake = await startPeopleforceFake();
  const context = {
    http: conformanceHttp(clock),
    baseUrl: fake.url,
    limiterKey: 'conformance',
    clock,
    fetch: globalThis.fetch,
  };
  const { client, refuse } = refusable(
    peopleforce.create(context, peopleforce.credentials.parse({ apiKey: fake.apiKey })),
    peopleforce.create(context, peopleforce.credentials.parse({ apiKey: 'revoked-key' })),
  );
  return {
    client,
    fake: {
      peopleWith: (email) => Promise.resolve(countWithEmail(fake.state.employees.values(), email)),
      lastFieldsOf: (remoteId) => {
        const e = fake.state.employees.get(Number(remoteId));
        return Promise.resolve(e && { firstName: e.first_name, lastName: e.last_name });
      },
      requestCount: () => fake.calls.length,
      failNext: (times, fault) => fake.faults.failNext(fault.status, times, retryAfterOf(fault.headers)),
      refuseCredentials: refuse,
      seedPerson: (p) =>
        Promise.resolve(
          String(
            fake.state.addEmployee({
              first_name: p.firstName,
              last_name: p.lastName,
              personal_email: p.personalEmail,
            }).id,
          ),
        ),
      close: () => fake.close(),
    },
  };
});
