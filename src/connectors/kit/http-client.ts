import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { OutboundCallObserver } from '../../core/ports/metrics.js';
import { retryDelayMs } from './backoff.js';
import { classifyStatus, errorForStatus, errorForTransport } from './classify.js';
import type { RateLimiter } from './rate-limiter.js';
import { discardBody, readBodyCapped } from './read-body.js';
import { createHttpResponse, type HttpResponse } from './http-response.js';
import { parseRetryAfter } from './retry-after.js';

/**
 * The one outbound HTTP client every connector uses. Hand-written around an injected `fetch` instead of
 * p-retry + Bottleneck + got: those would give us three retry layers to align, none of them knows our
 * AppError codes, and none pauses *all* callers of an upstream when one of them meets a 429. Retries
 * happen here and only here (reliability.md §2.4: retry at one layer), for retryable failures, a few
 * times and briefly; anything longer is handed to the job queue as a classified error.
 */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables in-client retries. */
  readonly maxRetries: number;
  /** First backoff step; doubles per retry, with jitter. */
  readonly baseDelayMs: number;
  /** The longest this client waits in-process (backoff or Retry-After); beyond it the queue snoozes. */
  readonly maxWaitMs: number;
}

export interface HttpClientOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly clock: Clock;
  readonly sleep: (ms: number) => Promise<void>;
  /** In [0, 1); jitter. */
  readonly random: () => number;
  readonly logger: Logger;
  /** Per attempt, covering connect, headers and body. */
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly retry: RetryPolicy;
  readonly limiter?: RateLimiter;
  /** A longer Retry-After is clamped to this (default 1 h): a bogus huge value must not park jobs for years. */
  readonly maxRetryAfterMs?: number;
  /** Told of every attempt (metrics): the system is the first word of the request's endpoint name. */
  readonly observer?: OutboundCallObserver;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  /** A name safe to log, e.g. "ashby candidate.info". Errors name this, never the URL. */
  readonly endpoint: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON or form text, bytes, or multipart FormData (fetch writes its boundary; it can be sent again). */
  readonly body?: string | Uint8Array | FormData;
  /** Which limiter bucket (and shared pause) the call goes through; default "default". */
  readonly limiterKey?: string;
  /**
   * Whether repeating the request is harmless (default true). Non-idempotent requests are retried
   * only after a 429, which the upstream answers before doing anything.
   */
  readonly idempotent?: boolean;
  /** Non-2xx statuses to return instead of throwing, for callers that read an error envelope. */
  readonly acceptStatuses?: readonly number[];
  /** The caller's abort (shutdown, lost lease); combined with the timeout. */
  readonly signal?: AbortSignal;
}

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
}

type Attempt = { readonly response: HttpResponse } | { readonly error: AppError };

const DEFAULT_MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { clock, sleep, random, logger, retry, limiter } = options;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const backoff = (retryIndex: number) =>
    retryDelayMs(retryIndex, retry.baseDelayMs, retry.maxWaitMs, random());

  async function attemptOnce(req: HttpRequest, retryIndex: number): Promise<Attempt> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await options.fetch(req.url, {
        method: req.method,
        ...(req.headers ? { headers: req.headers } : {}),
        ...(req.body === undefined ? {} : { body: req.body }),
        signal,
        // Never follow redirects: a redirect to another host could carry our credentials along, and an
        // API that starts redirecting is misconfigured, not something to retry.
        redirect: 'manual',
      });
    } catch (err) {
      options.observer?.observe({ system: systemOf(req.endpoint), status: 'network_error' });
      return { error: errorForTransport(req.endpoint, err) };
    }
    const { status } = response;
    options.observer?.observe({ system: systemOf(req.endpoint), status });
    if (classifyStatus(status).kind === 'ok' || req.acceptStatuses?.includes(status)) {
      try {
        const body = await readBodyCapped(response, options.maxResponseBytes, req.endpoint);
        return { response: createHttpResponse(status, response.headers, body, req.endpoint) };
      } catch (err) {
        return { error: isAppError(err) ? err : errorForTransport(req.endpoint, err) };
      }
    }
    await discardBody(response);
    const parsed = parseRetryAfter(response.headers.get('retry-after'), clock.now());
    const retryAfterMs = parsed === undefined ? undefined : Math.min(parsed, maxRetryAfterMs);
    // A 429 always tells the queue how long to wait: the header when present, our own backoff otherwise.
    const wait = status === 429 ? (retryAfterMs ?? backoff(retryIndex)) : retryAfterMs;
    return { error: errorForStatus(req.endpoint, status, wait) };
  }

  return {
    async request(req) {
      const key = req.limiterKey ?? 'default';
      const idempotent = req.idempotent ?? true;
      for (let retryIndex = 0; ; retryIndex++) {
        if (limiter) {
          const slot = await limiter.acquire(key, { maxWaitMs: retry.maxWaitMs });
          if (!slot.ok) {
            throw new AppError('rate_limited', `${req.endpoint}: upstream paused after a 429`, {
              details: { endpoint: req.endpoint, reason: 'shared_pause' },
              retryAfterMs: slot.retryAfterMs,
            });
          }
        }
        const outcome = await attemptOnce(req, retryIndex);
        if ('response' in outcome) return outcome.response;
        const err = outcome.error;
        const mayRetry = retryIndex < retry.maxRetries && req.signal?.aborted !== true;

        if (err.code === 'rate_limited') {
          const waitMs = err.retryAfterMs ?? 0;
          // Pause every caller of this upstream, not just this one: a concurrent burst would otherwise
          // keep arriving during the window the server asked us to stay away.
          limiter?.pauseUntil(key, clock.now() + waitMs);
          if (!mayRetry || waitMs > retry.maxWaitMs) throw err;
          logRetry(logger, req, err, retryIndex, waitMs);
          // With a limiter, the next acquire() waits out the pause (and any extension of it).
          if (!limiter) await sleep(waitMs);
          continue;
        }

        if (!err.retryable || !mayRetry || !idempotent || isCallerAbort(err)) throw err;
        const delay = Math.max(backoff(retryIndex), err.retryAfterMs ?? 0);
        if (delay > retry.maxWaitMs) throw err;
        logRetry(logger, req, err, retryIndex, delay);
        await sleep(delay);
      }
    },
  };
}

/** "ashby candidate.info" -> "ashby": a closed set of names, safe as a metric label. */
function systemOf(endpoint: string): string {
  return endpoint.split(' ', 1)[0] ?? 'unknown';
}

function isCallerAbort(err: AppError): boolean {
  return err.details?.['reason'] === 'aborted';
}

function logRetry(
  logger: Logger,
  req: HttpRequest,
  err: AppError,
  retryIndex: number,
  delayMs: number,
): void {
  logger.warn(
    {
      endpoint: req.endpoint,
      code: err.code,
      status: err.details?.['status'],
      retry: retryIndex + 1,
      delayMs,
    },
    'upstream call failed; retrying',
  );
}
