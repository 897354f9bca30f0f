import { AppError } from '../../core/errors/app-error.js';

/**
 * The outbound error classification (reliability.md §3.5), as one pure function so the table can be
 * tested row by row. Messages carry the endpoint name and status only: never a body, a URL (it may hold
 * a token) or personal data, because they end up in logs and in the job table's `last_error`.
 */
export type StatusClass =
  | { readonly kind: 'ok' }
  | { readonly kind: 'retryable' }
  | { readonly kind: 'rate_limited' }
  | { readonly kind: 'auth' }
  | { readonly kind: 'permanent' };

export function classifyStatus(status: number): StatusClass {
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 429) return { kind: 'rate_limited' };
  if (status === 408 || status === 425 || (status >= 500 && status < 600)) return { kind: 'retryable' };
  if (status === 401 || status === 403) return { kind: 'auth' };
  // Other 4xx, unfollowed redirects (3xx) and anything outside the standard ranges: retrying the same
  // request will not change the answer.
  return { kind: 'permanent' };
}

/** The AppError for a non-2xx status. `retryAfterMs` only matters for 429 and retryable statuses. */
export function errorForStatus(endpoint: string, status: number, retryAfterMs?: number): AppError {
  const details = { endpoint, status };
  const kind = classifyStatus(status).kind;
  switch (kind) {
    case 'rate_limited':
      return new AppError('rate_limited', `${endpoint}: rate limited (HTTP 429)`, {
        details,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    case 'retryable':
      return new AppError('upstream_retryable', `${endpoint}: upstream answered HTTP ${status}`, {
        details,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    case 'auth':
      // Never retried: a wrong or deactivated key stays wrong, and some upstreams (HiBob's WAF) block
      // clients that repeat auth failures.
      return new AppError('upstream_permanent', `${endpoint}: credentials refused (HTTP ${status})`, {
        details: { ...details, auth: true },
      });
    case 'ok':
    case 'permanent':
      return new AppError('upstream_permanent', `${endpoint}: upstream answered HTTP ${status}`, { details });
  }
}

/** The AppError for a request that got no response: network failure, timeout, or a caller's abort. */
export function errorForTransport(endpoint: string, err: unknown): AppError {
  // Already classified before any byte was sent (the outbound address policy refusing a URL).
  if (err instanceof AppError) return err;
  const name = err instanceof Error ? err.name : undefined;
  if (name === 'TimeoutError') {
    return new AppError('upstream_retryable', `${endpoint}: timed out`, {
      details: { endpoint, reason: 'timeout' },
      cause: err,
    });
  }
  if (name === 'AbortError') {
    // The caller gave up (shutdown, lease lost). Retryable for the queue, never retried here.
    return new AppError('upstream_retryable', `${endpoint}: aborted`, {
      details: { endpoint, reason: 'aborted' },
      cause: err,
    });
  }
  // undici reports connection failures as `TypeError: fetch failed` with a `cause` carrying a code
  // such as ECONNREFUSED or ECONNRESET; the code is safe to log, the cause's message may hold a host.
  const code = networkCode(err);
  return new AppError('upstream_retryable', `${endpoint}: network error${code ? ` (${code})` : ''}`, {
    details: { endpoint, reason: 'network', ...(code ? { networkCode: code } : {}) },
    cause: err,
  });
}

function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
