import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HUMAANS_ASSUMPTIONS } from '../assumptions.js';
import { HUMAANS_SCOPES, type HumaansScope } from '../schemas.js';
import { BodyTooLargeError, readBody, RollingWindow, sendJson } from '../../kit/fake/http-io.js';
import { findRoute } from './routes.js';
import {
  HumaansFakeState,
  loadDefaultSeed,
  type FakeRow,
  type HumaansSeed,
  type SeedPerson,
} from './state.js';

/**
 * A fake Humaans on 127.0.0.1, built from /work/shared/reference/hris-apis.md §3: Bearer tokens with
 * scopes (403 names the scope), required fields and a duplicate work email refused with 422, Feathers-style
 * pages, a per-token rate limit (429 + Retry-After). Tests drive and inspect it in-process; faults (5xx,
 * hangs) are queued with `failNext`. The API root is `${url}` (it ends in /api, like Humaans').
 */
export interface HumaansFakeOptions {
  readonly seed?: HumaansSeed;
  readonly requestsPerMinute?: number;
  /** Answer `GET /people?email=` unfiltered, to exercise the connector's page-through fallback. */
  readonly ignoreFilters?: boolean;
}

export type HumaansFault =
  { readonly status: number; readonly retryAfterSeconds?: number } | { readonly hangMs: number };

export interface HumaansFakeRequestLog {
  readonly method: string;
  readonly path: string;
  /** 0 while unanswered or when the connection was dropped. */
  readonly status: number;
  readonly at: number;
}

export interface HumaansFake {
  /** API root, e.g. http://127.0.0.1:40123/api */
  readonly url: string;
  /** A token with every scope. */
  readonly apiToken: string;
  addToken(scopes?: readonly HumaansScope[]): string;
  addPerson(person: SeedPerson): string;
  people(): readonly FakeRow[];
  personByEmail(email: string): FakeRow | undefined;
  /** Rows of a person: job roles, compensations, documents, custom values. */
  rowsOf(personId: string): {
    readonly jobRoles: readonly FakeRow[];
    readonly compensations: readonly FakeRow[];
    readonly documents: readonly FakeRow[];
    readonly customValues: readonly FakeRow[];
  };
  failNext(fault: HumaansFault, options?: { readonly times?: number; readonly match?: string }): void;
  readonly requests: readonly HumaansFakeRequestLog[];
  close(): Promise<void>;
}

export async function startHumaansFake(options: HumaansFakeOptions = {}): Promise<HumaansFake> {
  const state = new HumaansFakeState(options.seed ?? loadDefaultSeed());
  const perMinute = options.requestsPerMinute ?? HUMAANS_ASSUMPTIONS.requestsPerMinute;
  const routeOptions = { ignoreFilters: options.ignoreFilters ?? false };
  const window = new RollingWindow();
  const faults: { fault: HumaansFault; times: number; match: string }[] = [];
  const requests: HumaansFakeRequestLog[] = [];
  let tokens = 0;

  const addToken = (scopes: readonly HumaansScope[] = HUMAANS_SCOPES) => {
    tokens += 1;
    const token = `hmn-${tokens}-${Math.random().toString(36).slice(2)}`;
    state.tokens.set(token, new Set(scopes));
    return token;
  };

  async function handle(req: IncomingMessage, res: ServerResponse, log: { status: number }): Promise<void> {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      sendJson(res, status, body, headers);
    };
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const path = url.pathname.replace(/^\/api/, '');
    const signature = `${req.method ?? ''} ${path}`;

    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const scopes = token === undefined ? undefined : state.tokens.get(token);
    if (!token || !scopes) {
      req.resume();
      return reply(401, { code: 'NotAuthenticated', name: 'NotAuthenticated', message: 'Invalid API token' });
    }
    const fault = faults.find((f) => signature.startsWith(f.match));
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      req.resume();
      const injected = fault.fault;
      if ('hangMs' in injected) {
        await new Promise((resolve) => setTimeout(resolve, injected.hangMs));
        res.destroy();
        return;
      }
      return reply(
        injected.status,
        { code: 'Injected', name: 'Injected', message: `Injected HTTP ${injected.status}` },
        injected.retryAfterSeconds === undefined ? {} : { 'retry-after': String(injected.retryAfterSeconds) },
      );
    }
    const slot = window.take(token, perMinute, Date.now());
    if (!slot.ok) {
      req.resume();
      return reply(
        429,
        { code: 'TooManyRequests', name: 'TooManyRequests', message: 'Rate limit exceeded' },
        { 'retry-after': String(slot.retryAfterSeconds) },
      );
    }
    const found = findRoute(req.method ?? '', path);
    if (!found) {
      req.resume();
      return reply(404, { code: 'NotFound', name: 'NotFound', message: 'No such endpoint' });
    }
    const { route } = found;
    if (!scopes.has(route.scope)) {
      req.resume();
      return reply(403, { code: 'Forbidden', name: 'Forbidden', message: `Missing scope ${route.scope}` });
    }
    let body: unknown = undefined;
    if (req.method === 'POST' || req.method === 'PATCH') {
      try {
        body = JSON.parse((await readBody(req, 1_000_000)).toString('utf8')) as unknown;
      } catch (err) {
        if (err instanceof BodyTooLargeError)
          return reply(413, { code: 'PayloadTooLarge', message: err.message });
        return reply(400, { code: 'BadRequest', name: 'BadRequest', message: 'Body is not JSON' });
      }
    } else {
      req.resume();
    }
    const [status, answer] = route.handle(
      state,
      { query: url.searchParams, body, ...(found.id === undefined ? {} : { id: found.id }) },
      routeOptions,
    );
    reply(status, answer);
  }

  const server = createServer((req, res) => {
    // Logged on arrival (status 0 until answered), so a hanging request is counted while it hangs.
    const log = { method: req.method ?? '', path: req.url ?? '', at: Date.now(), status: 0 };
    requests.push(log);
    handle(req, res, log).catch(() => {
      log.status = 500;
      if (!res.headersSent) sendJson(res, 500, { code: 'GeneralError', message: 'fake failed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const of = (collection: 'job-roles' | 'compensations' | 'documents' | 'custom-values', personId: string) =>
    state.rows[collection].filter((r) => r['personId'] === personId);

  return {
    url: `http://127.0.0.1:${port}/api`,
    apiToken: addToken(),
    addToken,
    addPerson: (person) => state.addPerson(person).id,
    people: () => state.rows.people,
    personByEmail: (email) => state.personByEmail(email),
    rowsOf: (personId) => ({
      jobRoles: of('job-roles', personId),
      compensations: of('compensations', personId),
      documents: of('documents', personId),
      customValues: of('custom-values', personId),
    }),
    failNext: (fault, opts = {}) => faults.push({ fault, times: opts.times ?? 1, match: opts.match ?? '' }),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
