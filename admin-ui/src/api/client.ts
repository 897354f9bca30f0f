/**
 * The one way the admin app talks to HireBridge: same-origin fetch with the session cookie, JSON in
 * and out, the CSRF token on every state-changing request, and errors turned into ApiError with the
 * server's code, message and details (the server names every problem; the UI shows them as given).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;
const unauthorizedListeners = new Set<() => void>();

/** Set from the session answer (sign-in, setup, invite or GET /auth/session). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when any request answers 401: the session ended (expired, signed out elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  readonly method?: Method;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'HireBridge could not be reached. Check your connection.', undefined);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = errorOf(json);
    if (response.status === 401 && !path.startsWith('/api/v1/auth/')) {
      for (const listener of unauthorizedListeners) listener();
    }
    throw new ApiError(
      response.status,
      error?.code ?? 'http_' + String(response.status),
      error?.message ?? `HireBridge answered ${String(response.status)} ${response.statusText}`,
      error?.details,
    );
  }
  return json as T;
}

/** Query-string helper that drops undefined values. */
export function withQuery(
  path: string,
  query: Readonly<Record<string, string | number | undefined>>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorOf(
  json: unknown,
): { code: string; message: string; details?: Record<string, unknown> } | undefined {
  if (typeof json !== 'object' || json === null || !('error' in json)) return undefined;
  const error = json.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; message?: unknown; details?: unknown };
  if (typeof e.code !== 'string' || typeof e.message !== 'string') return undefined;
  return {
    code: e.code,
    message: e.message,
    ...(typeof e.details === 'object' && e.details !== null
      ? { details: e.details as Record<string, unknown> }
      : {}),
  };
}
