import { expect } from 'vitest';
import { AppError } from '../../../core/errors/app-error.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http-client.js';
import { sleep } from '../sleep.js';

const silent = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };

/** The kit client as production wires it, with quick retries for tests. */
export function testHttp(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  return createHttpClient({
    fetch: globalThis.fetch,
    clock: { now: () => Date.now() },
    sleep,
    random: () => 0.5,
    logger: silent,
    timeoutMs: 2000,
    maxResponseBytes: 1_000_000,
    retry: { maxRetries: 2, baseDelayMs: 5, maxWaitMs: 2000 },
    ...overrides,
  });
}

/** The AppError a promise rejects with (fails the test when it resolves or rejects otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
