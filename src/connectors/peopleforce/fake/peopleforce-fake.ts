import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { documentPartsSchema, employeeBodySchema, positionBodySchema, salaryBodySchema } from '../schemas.js';
import { FaultControl } from '../../kit/fake/fault-control.js';
import { parseJsonObject, parseMultipart, readBodyOrNull, sendJson } from '../../kit/fake/http-io.js';
import { PeopleforceState, wireEmployee, type ReferenceListName } from './state.js';

/** Uploads up to 25 MB are read; a larger body is answered 413. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

/**
 * PeopleForce's public API v3 as a real HTTP server on 127.0.0.1, built from hris-apis.md §4: X-API-KEY
 * auth (401 without a known key), an IP-allowlist mode (403 on every call, §4.1), required fields, unique
 * emails and phone (422, §4.3), fixed-size pages with `metadata.pagination`, a per-minute limit with 429 +
 * Retry-After, and injectable faults. Tests read and seed `state` directly.
 */
export interface PeopleforceFake {
  /** The API root, like https://app.peopleforce.io/api/public/v3. */
  readonly url: string;
  readonly apiKey: string;
  readonly state: PeopleforceState;
  readonly faults: FaultControl;
  /** Every call that reached the fake, in order (after auth: `status` is what it answered). */
  readonly calls: { method: string; path: string; status: number; at: number }[];
  /** Page size of every list (fixed server-side in PeopleForce). */
  pageSize: number;
  /** Whether `emails[]` also matches personal emails (UNCONFIRMED; default false, see assumptions.ts). */
  emailsFilterMatchesPersonal: boolean;
  close(): Promise<void>;
}

const BASE_PATH = '/api/public/v3';
const REFERENCE_LISTS: readonly ReferenceListName[] = [
  'positions',
  'departments',
  'locations',
  'document_folders',
];

export async function startPeopleforceFake(
  options: { apiKey?: string; port?: number } = {},
): Promise<PeopleforceFake> {
  const apiKey = options.apiKey ?? 'pf-test-key';
  const fake: PeopleforceFake = {
    url: '',
    apiKey,
    state: new PeopleforceState(),
    faults: new FaultControl(),
    calls: [],
    pageSize: 50,
    emailsFilterMatchesPersonal: false,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    handle(fake, req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { success: false, errors: [{ message: 'fake failed' }] });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  (fake as { url: string }).url = `http://127.0.0.1:${port}${BASE_PATH}`;
  return fake;
}

const fail = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) =>
  sendJson(res, status, { success: false, errors: [{ message }] }, headers);

async function handle(fake: PeopleforceFake, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBodyOrNull(req, MAX_BODY_BYTES);
  const url = new URL(req.url ?? '/', 'http://fake');
  const method = req.method ?? 'GET';
  const record = (status: number) =>
    fake.calls.push({ method, path: url.pathname + url.search, status, at: Date.now() });
  const answer = (status: number, send: () => void) => {
    record(status);
    send();
  };

  if (fake.faults.ipAllowlistBlocked) {
    return answer(403, () => fail(res, 403, 'Access denied: IP address is not allowed'));
  }
  if (req.headers['x-api-key'] !== fake.apiKey) {
    return answer(401, () => fail(res, 401, 'Unauthorized'));
  }
  const injected = fake.faults.takeInjected(method, url.pathname.slice(BASE_PATH.length));
  if (injected) {
    const headers: Record<string, string> =
      injected.retryAfterSeconds === undefined ? {} : { 'retry-after': String(injected.retryAfterSeconds) };
    return answer(injected.status, () => fail(res, injected.status, 'injected fault', headers));
  }
  const slot = fake.faults.takeSlot(Date.now());
  if (!slot.ok) {
    return answer(429, () =>
      fail(res, 429, 'Too many requests', { 'retry-after': String(slot.retryAfterSeconds) }),
    );
  }
  if (body === null) return answer(413, () => fail(res, 413, 'Request too large'));
  if (!url.pathname.startsWith(BASE_PATH)) return answer(404, () => fail(res, 404, 'Not found'));
  const path = url.pathname.slice(BASE_PATH.length);
  const routed = await route(fake, method, path, url.searchParams, body, req.headers['content-type'] ?? '');
  answer(routed.status, () => sendJson(res, routed.status, routed.body));
}

interface Routed {
  readonly status: number;
  readonly body: unknown;
}

const error = (status: number, message: string): Routed => ({
  status,
  body: { success: false, errors: [{ message }] },
});

async function route(
  fake: PeopleforceFake,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
  contentType: string,
): Promise<Routed> {
  const { state } = fake;
  const list = REFERENCE_LISTS.find((l) => path === `/${l}`);
  if (method === 'GET' && list) return page(fake, state.reference[list], query);
  if (path === '/employees') {
    if (method === 'GET') {
      const emails = query.getAll('emails[]');
      const status = query.get('status') ?? 'active';
      const found = state.filter(emails, status, fake.emailsFilterMatchesPersonal).map(wireEmployee);
      return page(fake, found, query);
    }
    if (method === 'POST') {
      const parsed = json(body, contentType, employeeBodySchema);
      if ('status' in parsed) return parsed;
      const clashes = state.clashes(parsed);
      if (clashes.length > 0) return error(422, `${clashes.join(', ')} has already been taken`);
      return { status: 200, body: { data: wireEmployee(state.addEmployee(parsed)) } };
    }
  }
  const match = /^\/employees\/(\d+)(?:\/(positions|salaries|documents))?$/.exec(path);
  const employee = match ? state.employees.get(Number(match[1])) : undefined;
  if (!match) return error(404, 'Not found');
  if (!employee) return error(404, 'Employee not found');
  const sub = match[2];
  if (sub === undefined && method === 'GET') return { status: 200, body: { data: wireEmployee(employee) } };
  if (sub === undefined && method === 'PUT') {
    const parsed = json(body, contentType, employeeBodySchema);
    if ('status' in parsed) return parsed;
    const clashes = state.clashes(parsed, employee.id);
    if (clashes.length > 0) return error(422, `${clashes.join(', ')} has already been taken`);
    Object.assign(employee, parsed);
    return { status: 200, body: { data: wireEmployee(employee) } };
  }
  if (sub === 'positions' && method === 'POST') {
    const parsed = json(body, contentType, positionBodySchema);
    if ('status' in parsed) return parsed;
    const known = (items: readonly { id: number }[], id: number | undefined) =>
      id === undefined || items.some((i) => i.id === id);
    const invalid = [
      known(state.reference.positions, parsed.position_id) ? null : 'position_id',
      known(state.reference.departments, parsed.department_id) ? null : 'department_id',
      known(state.reference.locations, parsed.location_id) ? null : 'location_id',
      known([...state.employees.values()], parsed.reporting_to_id) ? null : 'reporting_to_id',
    ].filter((k) => k !== null);
    if (invalid.length > 0) return error(422, `${invalid.join(', ')} is invalid`);
    const created = { ...parsed, id: state.id() };
    state.positions.set(employee.id, [...(state.positions.get(employee.id) ?? []), created]);
    return { status: 200, body: { data: created } };
  }
  if (sub === 'salaries' && method === 'POST') {
    const parsed = json(body, contentType, salaryBodySchema);
    if ('status' in parsed) return parsed;
    const created = { ...parsed, id: state.id() };
    state.salaries.set(employee.id, [...(state.salaries.get(employee.id) ?? []), created]);
    return { status: 200, body: { data: created } };
  }
  if (sub === 'documents' && method === 'POST') return addDocument(state, employee.id, body, contentType);
  return error(405, 'Method not allowed');
}

async function addDocument(state: PeopleforceState, employeeId: number, body: Buffer, contentType: string) {
  const form = await parseMultipart(body, contentType);
  if (!form) return error(422, 'multipart/form-data expected');
  const parts = documentPartsSchema.safeParse({
    document_folder_id: form.get('document_folder_id'),
    name: form.get('name'),
  });
  if (!parts.success) return error(422, `${issuePaths(parts.error)} is required`);
  if (!state.reference.document_folders.some((f) => f.id === parts.data.document_folder_id)) {
    return error(422, 'document_folder_id is invalid');
  }
  const file = form.get('document');
  if (!(file instanceof Blob)) return error(422, 'document is required');
  const doc = {
    id: state.id(),
    folderId: parts.data.document_folder_id,
    name: parts.data.name,
    fileName: file instanceof File ? file.name : parts.data.name,
    contentType: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
  state.documents.set(employeeId, [...(state.documents.get(employeeId) ?? []), doc]);
  return { status: 200, body: { data: { id: doc.id, name: doc.name } } };
}

function json<S extends z.ZodType>(body: Buffer, contentType: string, schema: S): z.infer<S> | Routed {
  if (!contentType.toLowerCase().startsWith('application/json'))
    return error(415, 'application/json expected');
  const parsed = schema.safeParse(parseJsonObject(body));
  if (!parsed.success) return error(422, `${issuePaths(parsed.error)} is missing or invalid`);
  return parsed.data;
}

function issuePaths(err: z.ZodError): string {
  return [...new Set(err.issues.map((i) => i.path.map(String).join('.') || 'body'))].join(', ');
}

function page<T>(fake: PeopleforceFake, items: readonly T[], query: URLSearchParams): Routed {
  const pages = Math.max(1, Math.ceil(items.length / fake.pageSize));
  const n = Math.max(1, Number(query.get('page') ?? '1') || 1);
  const data = items.slice((n - 1) * fake.pageSize, n * fake.pageSize);
  return {
    status: 200,
    body: { data, metadata: { pagination: { page: n, pages, count: items.length, items: data.length } } },
  };
}
