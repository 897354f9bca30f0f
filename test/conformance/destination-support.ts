import { createHttpClient, type HttpClient } from '../../src/connectors/kit/http-client.js';
import { sleep } from '../../src/connectors/kit/sleep.js';
import type { DestinationClient } from '../../src/core/ports/destination.js';
import type { FakeClock } from '../support/fake-clock.js';
import { memoryLogger } from '../support/silent-logger.js';

/** The kit client as main/destinations-wiring.ts builds it: no retries of its own (the queue retries). */
export function conformanceHttp(clock: FakeClock): HttpClient {
  return createHttpClient({
    fetch,
    clock,
    sleep,
    random: Math.random,
    logger: memoryLogger(),
    timeoutMs: 5_000,
    maxResponseBytes: 1024 * 1024,
    retry: { maxRetries: 0, baseDelayMs: 1, maxWaitMs: 0 },
  });
}

/**
 * A destination client that, while refusing, calls the fake with revoked credentials (a second client
 * built from the definition with a wrong key), so the fake itself answers 401 or 403.
 */
export function refusable(
  good: DestinationClient,
  revoked: DestinationClient,
): { client: DestinationClient; refuse: (on: boolean) => void } {
  let refusing = false;
  const pick = () => (refusing ? revoked : good);
  return {
    client: {
      testConnection: (signal) => pick().testConnection(signal),
      findPerson: (member, known, signal) => pick().findPerson(member, known, signal),
      createPerson: (member, signal) => pick().createPerson(member, signal),
      updatePerson: (remoteId, member, signal) => pick().updatePerson(remoteId, member, signal),
    },
    refuse: (on) => {
      refusing = on;
    },
  };
}

/** How many of a fake's person records carry this email anywhere (any field, any case). */
export function countWithEmail(records: Iterable<unknown>, email: string): number {
  const wanted = email.toLowerCase();
  let count = 0;
  for (const record of records) if (JSON.stringify(record).toLowerCase().includes(wanted)) count += 1;
  return count;
}

/** The Retry-After seconds of an injected fault's headers, if any. */
export const retryAfterOf = (headers: Record<string, string> | undefined) =>
  headers?.['retry-after'] === undefined ? undefined : Number(headers['retry-after']);
