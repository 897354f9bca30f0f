import { describeDestinationConformance } from '../../../test/conformance/destination.js';
import { memoryLogger } from '../../../test/support/silent-logger.js';
import { createHttpClient } from '../kit/http-client.js';
import { sleep } from '../kit/sleep.js';
import { startWebhookReceiver } from './fake/receiver.js';
import { webhook } from './index.js';
import { newSigningSecret } from './sign.js';

describeDestinationConformance('webhook', async (clock) => {
  const secret = newSigningSecret();
  const receiver = await startWebhookReceiver({ secret, now: () => clock.now() });
  const http = createHttpClient({
    fetch,
    clock,
    sleep,
    random: Math.random,
    logger: memoryLogger(),
    timeoutMs: 5_000,
    maxResponseBytes: 1024 * 1024,
    retry: { maxRetries: 0, baseDelayMs: 1, maxWaitMs: 0 },
  });
  const client = webhook.create(
    { http, baseUrl: '', limiterKey: 'conformance', clock, fetch: globalThis.fetch },
    { url: receiver.url, signingSecret: secret },
  );
  const membersWith = (email: string) =>
    [...receiver.createdCounts().keys()].filter((id) =>
      receiver.events.some(
        (e) =>
          e.event.data.member?.id === id &&
          [e.event.data.member.fields['personalEmail'], e.event.data.member.fields['workEmail']].includes(
            email,
          ),
      ),
    );
  return {
    client,
    fake: {
      // A receiver deduplicating on webhook-id holds one person per accepted member.created.
      peopleWith: (email) =>
        Promise.resolve(membersWith(email).reduce((n, id) => n + (receiver.createdCounts().get(id) ?? 0), 0)),
      lastFieldsOf: (remoteId) =>
        Promise.resolve(
          receiver.events.filter((e) => e.event.data.member?.id === remoteId).at(-1)?.event.data.member
            ?.fields,
        ),
      requestCount: () => receiver.requestCount(),
      failNext: (times, fault) => receiver.failNext(times, fault),
      refuseCredentials: (on) => receiver.setSecret(on ? newSigningSecret() : secret),
      close: () => receiver.close(),
    },
  };
});
