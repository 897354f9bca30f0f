import { describeDestinationConformance } from '../../../test/conformance/destination.js';
import {
  conformanceHttp,
  countWithEmail,
  refusable,
  retryAfterOf,
} from '../../../test/conformance/destination-support.js';
import { createHumaansDestination } from './destination.js';
import { startHumaansFake } from './fake/humaans-fake.js';
import { humaans } from './index.js';

let tenants = 0;

describeDestinationConformance('humaans', async (clock) => {
  const fake = await startHumaansFake({ requestsPerMinute: 10_000 });
  tenants += 1;
  const limiterKey = `humaans-conformance-${tenants}-${Math.random().toString(36).slice(2)}`;
  const context = {
    http: conformanceHttp(clock),
    baseUrl: fake.url,
    limiterKey,
    clock,
    fetch: globalThis.fetch,
  };
  const build = (apiToken: string) =>
    createHumaansDestination(context, humaans.credentials.parse({ apiToken }));
  const { client, refuse } = refusable(build(fake.apiToken), build('revoked-token'));
  return {
    client,
    fake: {
      peopleWith: (email) => Promise.resolve(countWithEmail(fake.people(), email)),
      lastFieldsOf: (remoteId) => {
        const p = fake.people().find((row) => row.id === remoteId);
        return Promise.resolve(p && { firstName: p['firstName'], lastName: p['lastName'] });
      },
      requestCount: () => fake.requests.length,
      failNext: (times, fault) => {
        const retryAfterSeconds = retryAfterOf(fault.headers);
        const failure =
          retryAfterSeconds === undefined
            ? { status: fault.status }
            : { status: fault.status, retryAfterSeconds };
        fake.failNext(failure, { times });
      },
      refuseCredentials: refuse,
      seedPerson: (p) =>
        Promise.resolve(
          fake.addPerson({
            firstName: p.firstName,
            lastName: p.lastName,
            email: `${p.firstName.toLowerCase()}.seeded@corp.example`,
            personalEmail: p.personalEmail,
          }),
        ),
      close: () => fake.close(),
    },
  };
});
