import { describeDestinationConformance } from '../../../test/conformance/destination.js';
import {
  conformanceHttp,
  countWithEmail,
  refusable,
  retryAfterOf,
} from '../../../test/conformance/destination-support.js';
import { createHibobDestination } from './destination.js';
import { startHibobFake } from './fake/hibob-fake.js';
import { hibob } from './index.js';

let tenants = 0;

describeDestinationConformance('hibob', async (clock) => {
  // The suite writes faster than Bob's assumed 10 writes a minute; its pacing is tested on its own.
  const fake = await startHibobFake({ writesPerMinute: 1000, searchesPerMinute: 1000 });
  tenants += 1;
  const limiterKey = `hibob-conformance-${tenants}-${Math.random().toString(36).slice(2)}`;
  const context = {
    http: conformanceHttp(clock),
    baseUrl: fake.url,
    limiterKey,
    clock,
    fetch: globalThis.fetch,
  };
  // Bob requires a site; the suite's member has no location, so the destination's default applies.
  const settings = { writesPerMinute: 6000, searchesPerMinute: 6000, defaultSite: 'Berlin' };
  const build = (credentials: { serviceUserId: string; token: string }) =>
    createHibobDestination(context, hibob.credentials.parse(credentials), settings);
  const { client, refuse } = refusable(
    build(fake.credentials),
    build({ serviceUserId: fake.credentials.serviceUserId, token: 'revoked-token' }),
  );
  return {
    client,
    fake: {
      peopleWith: (email) => Promise.resolve(countWithEmail(fake.employees(), email)),
      lastFieldsOf: (remoteId) => {
        const e = fake.employees().find((v) => v.id === remoteId);
        return Promise.resolve(e && { firstName: e.firstName, lastName: e.surname });
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
          fake.addEmployee({
            firstName: p.firstName,
            surname: p.lastName,
            // As Bob holds someone without a work email: the personal one is their Bob email.
            email: p.personalEmail,
            privateEmail: p.personalEmail,
            site: 'Berlin',
            startDate: '2027-01-04',
          }),
        ),
      close: () => fake.close(),
    },
  };
});
