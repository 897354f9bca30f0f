import { sendJson, startUpstream, type Upstream } from '../../kit/testing/upstream-server.js';
import { ENDPOINT_PERMISSIONS } from '../endpoint-permissions.js';
import type { AshbyPermission } from '../schemas.js';

/**
 * A hand-rolled Ashby stand-in for unit tests of the client (the full simulator lives in fake/): checks
 * Basic auth and per-endpoint permissions like Ashby does (401 no key, 403 unknown key, 403 +
 * missing_endpoint_permission), then answers from `routes`. A route returns the `results`, or a full
 * envelope via `raw`.
 */
export type StubRoute = (body: Record<string, unknown>) => unknown;

export interface StubAshby {
  readonly upstream: Upstream;
  readonly url: string;
  routes: Record<string, StubRoute>;
  permissions: Set<AshbyPermission>;
  /** Calls per endpoint since the last reset. */
  calls(): Record<string, number>;
  totalCalls(): number;
  reset(): void;
  close(): Promise<void>;
}

export const raw = (envelope: unknown) => ({ __raw: envelope });
export const fail = (code: string) =>
  raw({ success: false, errors: [code], errorInfo: { code, message: 'x', requestId: 'r' } });

export async function startStubAshby(
  apiKey: string,
  permissions: Iterable<AshbyPermission>,
): Promise<StubAshby> {
  const upstream = await startUpstream();
  const stub: StubAshby = {
    upstream,
    url: upstream.url,
    routes: {},
    permissions: new Set(permissions),
    calls: () => {
      const counts: Record<string, number> = {};
      for (const r of upstream.requests) counts[r.path.slice(1)] = (counts[r.path.slice(1)] ?? 0) + 1;
      return counts;
    },
    totalCalls: () => upstream.requests.length,
    reset: () => {
      upstream.requests.length = 0;
    },
    close: () => upstream.close(),
  };
  upstream.handler = (req, res) => {
    const endpoint = req.path.slice(1);
    const auth = req.headers.authorization;
    if (!auth) return sendJson(res, 401, { message: 'no credentials' });
    if (auth !== `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`)
      return sendJson(res, 403, { message: 'bad key' });
    const needed = ENDPOINT_PERMISSIONS[endpoint];
    if (needed && !stub.permissions.has(needed)) {
      const code = 'missing_endpoint_permission';
      return sendJson(res, 403, {
        success: false,
        errors: [code],
        errorInfo: { code, message: 'x', requestId: 'r' },
      });
    }
    const route = stub.routes[endpoint];
    if (!route) return sendJson(res, 404, { message: 'no such endpoint' });
    const result = route(JSON.parse(req.body || '{}') as Record<string, unknown>);
    if (result !== null && typeof result === 'object' && '__raw' in result)
      return sendJson(res, 200, result.__raw);
    return sendJson(res, 200, { success: true, results: result });
  };
  return stub;
}
