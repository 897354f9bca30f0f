import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HIBOB_ASSUMPTIONS } from '../assumptions.js';
import type { SalaryEntry, WorkEntry } from '../schemas.js';
import { BodyTooLargeError, readBody, RollingWindow, sendJson } from '../../kit/fake/http-io.js';
import { ROUTES } from './routes.js';
import {
  currentWork,
  HIBOB_FAKE_PERMISSIONS,
  HibobFakeState,
  loadDefaultSeed,
  type FakeDocument,
  type HibobFakePermission,
  type HibobSeed,
  type SeedEmployee,
} from './state.js';

/**
 * A fake HiBob on 127.0.0.1, built from /work/shared/reference/hris-apis.md §2: Basic auth with service
 * users, per-endpoint permissions (403), required create fields, list fields as item ids, a duplicate
 * email refused, 50 searches and 10 writes per minute per service user (429 + Retry-After), 5 MB / 1 MB
 * document limits. Tests drive and inspect it in-process; faults (5xx, 401, hangs) are queued with
 * `failNext`. The API root is `${url}` (it ends in /v1, like Bob's).
 */
export interface HibobFakeOptions {
  readonly seed?: HibobSeed;
  readonly searchesPerMinute?: number;
  readonly writesPerMinute?: number;
}

export type HibobFault =
  { readonly status: number; readonly retryAfterSeconds?: number } | { readonly hangMs: number };

export interface HibobFakeEmployeeView {
  readonly id: string;
  readonly firstName: string;
  readonly surname: string;
  readonly email: string;
  readonly lifecycleStatus: string;
  /** The create body as sent (home, about, custom fields...). */
  readonly body: Readonly<Record<string, unknown>>;
  /** The work entry in force. */
  readonly work: WorkEntry | undefined;
  readonly workEntries: readonly WorkEntry[];
  readonly salaries: readonly SalaryEntry[];
  readonly documents: readonly FakeDocument[];
  readonly invitations: readonly number[];
}

export interface HibobFakeRequestLog {
  readonly method: string;
  readonly path: string;
  /** 0 while unanswered or when the connection was dropped. */
  readonly status: number;
  readonly at: number;
}

export interface HibobFake {
  /** API root, e.g. http://127.0.0.1:40123/v1 */
  readonly url: string;
  /** A service user with every permission. */
  readonly credentials: { readonly serviceUserId: string; readonly token: string };
  addServiceUser(permissions?: readonly HibobFakePermission[]): {
    readonly serviceUserId: string;
    readonly token: string;
  };
  addEmployee(employee: SeedEmployee): string;
  employees(): HibobFakeEmployeeView[];
  employeeByEmail(email: string): HibobFakeEmployeeView | undefined;
  /** The next `times` API calls (optionally only those whose "METHOD /path" starts with `match`) fail so. */
  failNext(fault: HibobFault, options?: { readonly times?: number; readonly match?: string }): void;
  readonly requests: readonly HibobFakeRequestLog[];
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1_000_000;

export async function startHibobFake(options: HibobFakeOptions = {}): Promise<HibobFake> {
  const state = new HibobFakeState(options.seed ?? loadDefaultSeed());
  const limits = {
    search: options.searchesPerMinute ?? HIBOB_ASSUMPTIONS.searchesPerMinute,
    write: options.writesPerMinute ?? HIBOB_ASSUMPTIONS.writesPerMinute,
  };
  const window = new RollingWindow();
  const faults: { fault: HibobFault; times: number; match: string }[] = [];
  const requests: HibobFakeRequestLog[] = [];
  let users = 0;

  const addServiceUser = (permissions: readonly HibobFakePermission[] = HIBOB_FAKE_PERMISSIONS) => {
    users += 1;
    const serviceUserId = `SERVICE-${users}`;
    const token = `token-${users}-${Math.random().toString(36).slice(2)}`;
    state.serviceUsers.set(serviceUserId, { token, permissions: new Set(permissions) });
    return { serviceUserId, token };
  };

  async function handle(req: IncomingMessage, res: ServerResponse, log: { status: number }): Promise<void> {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      sendJson(res, status, body, headers);
    };
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const path = url.pathname.replace(/^\/v1/, '');
    const signature = `${req.method ?? ''} ${path}`;

    const auth = authenticate(req.headers.authorization);
    if (!auth) {
      req.resume();
      return reply(401, { key: 'UNAUTHORIZED', error: 'Invalid service user credentials' });
    }
    const fault = faults.find((f) => signature.startsWith(f.match));
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      req.resume();
      const injected = fault.fault;
      if ('hangMs' in injected) {
        await new Promise((resolve) => setTimeout(resolve, injected.hangMs));
        log.status = 0;
        res.destroy();
        return;
      }
      const { status, retryAfterSeconds } = injected;
      return reply(
        status,
        { key: 'INJECTED', error: `Injected HTTP ${status}` },
        retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
      );
    }

    const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
    if (!route) {
      req.resume();
      return reply(404, { key: 'NOT_FOUND', error: 'No such endpoint' });
    }
    const params = (route.pattern.exec(path) ?? []).slice(1);
    if (!auth.permissions.has(route.permission(params))) {
      req.resume();
      return reply(403, { key: 'FORBIDDEN', error: 'The service user lacks the permission for this action' });
    }
    if (route.limit !== 'read') {
      const slot = window.take(`${auth.id}:${route.limit}`, limits[route.limit], Date.now());
      if (!slot.ok) {
        req.resume();
        return reply(
          429,
          { key: 'TOO_MANY_REQUESTS', error: 'Rate limit exceeded' },
          { 'retry-after': String(slot.retryAfterSeconds) },
        );
      }
    }
    let body: Buffer;
    try {
      body = await readBody(req, route.maxBody ?? DEFAULT_MAX_BODY);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return reply(413, { key: 'FILE_TOO_LARGE', error: err.message });
      throw err;
    }
    const [status, answer] = await route.handle(state, {
      params,
      body,
      contentType: req.headers['content-type'] ?? '',
    });
    reply(status, answer);
  }

  function authenticate(header: string | undefined) {
    const match = header === undefined ? null : /^Basic\s+(\S+)$/i.exec(header);
    if (!match) return undefined;
    const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const id = decoded.slice(0, Math.max(0, colon));
    const user = state.serviceUsers.get(id);
    if (colon === -1 || !user || user.token !== decoded.slice(colon + 1)) return undefined;
    return { id, permissions: user.permissions };
  }

  const server = createServer((req, res) => {
    // Logged on arrival (status 0 until answered), so a hanging request is counted while it hangs.
    const log = { method: req.method ?? '', path: req.url ?? '', at: Date.now(), status: 0 };
    requests.push(log);
    handle(req, res, log).catch(() => {
      log.status = 500;
      if (!res.headersSent) sendJson(res, 500, { key: 'INTERNAL', error: 'fake failed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const view = (id: string): HibobFakeEmployeeView | undefined => {
    const e = state.employees.get(id);
    if (!e) return undefined;
    return {
      id: e.id,
      firstName: e.firstName,
      surname: e.surname,
      email: e.email,
      lifecycleStatus: e.lifecycleStatus,
      body: e.body,
      work: currentWork(e),
      workEntries: e.workEntries,
      salaries: e.salaries,
      documents: e.documents,
      invitations: e.invitations,
    };
  };

  return {
    url: `http://127.0.0.1:${port}/v1`,
    credentials: addServiceUser(),
    addServiceUser,
    addEmployee: (employee) => state.addEmployee(employee).id,
    employees: () => [...state.employees.keys()].flatMap((id) => view(id) ?? []),
    employeeByEmail: (email) => {
      const e = state.byEmail(email);
      return e ? view(e.id) : undefined;
    },
    failNext: (fault, opts = {}) => faults.push({ fault, times: opts.times ?? 1, match: opts.match ?? '' }),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
