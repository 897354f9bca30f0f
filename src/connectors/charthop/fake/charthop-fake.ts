import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { fileQuerySchema, hireBodySchema, jobBodySchema, personBodySchema } from '../schemas.js';
import { FaultControl } from '../../kit/fake/fault-control.js';
import { parseJsonObject, parseMultipart, readBodyOrNull, sendJson } from '../../kit/fake/http-io.js';
import { CharthopState, wireJob, wirePerson } from './state.js';

/** Uploads up to 25 MB are read; a larger body is answered 413. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

/**
 * ChartHop's API as a real HTTP server on 127.0.0.1, built from hris-apis.md §5 (guessed shapes as in
 * ../assumptions.ts): Bearer app token for one org (401 without it, 403 for another org), people and jobs
 * listed with `limit` + `from` cursor, job creation with a MANAGER relationship, `change/sync/hire`
 * (idempotent; a hire into a filled job is refused with 400), person files (multipart), a per-minute
 * limit with 429 + Retry-After, and injectable faults (5xx, 401/403, 202 "snapshot building").
 */
export interface CharthopFake {
  readonly url: string;
  readonly apiToken: string;
  readonly orgId: string;
  readonly state: CharthopState;
  readonly faults: FaultControl;
  readonly calls: { method: string; path: string; status: number; at: number }[];
  /** The largest page served, whatever `limit` asks (to exercise paging with few records). */
  maxPageSize: number;
  close(): Promise<void>;
}

export async function startCharthopFake(
  options: { apiToken?: string; orgId?: string; port?: number } = {},
): Promise<CharthopFake> {
  const fake: CharthopFake = {
    url: '',
    apiToken: options.apiToken ?? 'ch-test-token',
    orgId: options.orgId ?? 'acme',
    state: new CharthopState(),
    faults: new FaultControl(),
    calls: [],
    maxPageSize: 200,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    handle(fake, req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { message: 'fake failed' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  (fake as { url: string }).url = `http://127.0.0.1:${port}`;
  return fake;
}

interface Routed {
  readonly status: number;
  readonly body: unknown;
}

const error = (status: number, message: string): Routed => ({ status, body: { message } });
const ok = (status: number, body: unknown): Routed => ({ status, body });

async function handle(fake: CharthopFake, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBodyOrNull(req, MAX_BODY_BYTES);
  const url = new URL(req.url ?? '/', 'http://fake');
  const method = req.method ?? 'GET';
  const send = (routed: Routed, headers: Record<string, string> = {}) => {
    fake.calls.push({ method, path: url.pathname + url.search, status: routed.status, at: Date.now() });
    sendJson(res, routed.status, routed.body, headers);
  };

  if (fake.faults.ipAllowlistBlocked) return send(error(403, 'Forbidden'));
  if (req.headers.authorization !== `Bearer ${fake.apiToken}`) return send(error(401, 'Unauthorized'));
  const scoped = /^\/(v1|v2)\/org\/([^/]+)(\/.*)$/.exec(url.pathname);
  if (!scoped) return send(error(404, 'Not found'));
  if (decodeURIComponent(scoped[2] ?? '') !== fake.orgId)
    return send(error(403, 'No access to this organization'));
  const path = `${scoped[1]}${scoped[3]}`;
  const injected = fake.faults.takeInjected(method, path);
  if (injected) {
    const headers: Record<string, string> =
      injected.retryAfterSeconds === undefined ? {} : { 'retry-after': String(injected.retryAfterSeconds) };
    const message = injected.status === 202 ? 'snapshot currently building, retry later' : 'injected fault';
    return send(error(injected.status, message), headers);
  }
  const slot = fake.faults.takeSlot(Date.now());
  if (!slot.ok)
    return send(error(429, 'Too many requests'), { 'retry-after': String(slot.retryAfterSeconds) });
  if (body === null) return send(error(413, 'Request too large'));
  send(await route(fake, method, path, url.searchParams, body, req.headers['content-type'] ?? ''));
}

async function route(
  fake: CharthopFake,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
  contentType: string,
): Promise<Routed> {
  const { state } = fake;
  const max = fake.maxPageSize;
  if (path === 'v2/person' && method === 'GET')
    return page([...state.persons.values()].map(wirePerson), query, max);
  if (path === 'v2/job' && method === 'GET') return page([...state.jobs.values()].map(wireJob), query, max);
  if (path === 'v2/person' && method === 'POST') {
    const parsed = json(body, contentType, personBodySchema);
    return 'status' in parsed ? parsed : ok(201, wirePerson(state.addPerson(parsed)));
  }
  if (path === 'v2/job' && method === 'POST') {
    const parsed = json(body, contentType, jobBodySchema);
    if ('status' in parsed) return parsed;
    const manager = parsed.addRelationships?.find((r) => r.type === 'MANAGER');
    if (manager && !state.jobs.has(manager.jobId)) return error(400, 'manager job not found');
    return ok(201, wireJob(state.addJob(parsed)));
  }
  const one = /^v2\/(person|job)\/([^/]+)$/.exec(path);
  if (one) {
    const id = decodeURIComponent(one[2] ?? '');
    if (one[1] === 'job') {
      const job = state.jobs.get(id);
      return method === 'GET' && job ? ok(200, wireJob(job)) : error(404, 'job not found');
    }
    const person = state.persons.get(id);
    if (!person) return error(404, 'person not found');
    if (method === 'GET') return ok(200, wirePerson(person));
    if (method === 'PATCH') {
      const parsed = json(body, contentType, personBodySchema);
      if ('status' in parsed) return parsed;
      Object.assign(person, parsed);
      return ok(200, wirePerson(person));
    }
    return error(405, 'method not allowed');
  }
  if (path === 'v1/change/sync/hire' && method === 'POST') {
    const parsed = json(body, contentType, hireBodySchema);
    if ('status' in parsed) return parsed;
    const outcome = state.hire(parsed);
    if ('refused' in outcome) return error(400, outcome.refused);
    return ok(outcome.created ? 201 : 200, outcome.change);
  }
  if (path === 'v1/file' && method === 'POST') return addFile(state, query, body, contentType);
  return error(404, 'Not found');
}

async function addFile(state: CharthopState, query: URLSearchParams, body: Buffer, contentType: string) {
  const params = fileQuerySchema.safeParse(Object.fromEntries(query));
  if (!params.success) return error(400, `${issuePaths(params.error)} is missing or invalid`);
  if (!state.persons.has(params.data.entityId)) return error(404, 'person not found');
  const form = await parseMultipart(body, contentType);
  const file = form?.get('file');
  if (!(file instanceof File)) return error(400, 'a multipart file part named file is required');
  const stored = {
    id: randomId(),
    personId: params.data.entityId,
    fieldId: params.data.fieldId,
    sensitive: params.data.sensitive ?? null,
    fileName: file.name,
    contentType: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
  state.files.push(stored);
  return ok(201, { id: stored.id, fileName: stored.fileName });
}

const randomId = () => randomBytes(12).toString('hex');

function json<S extends z.ZodType>(body: Buffer, contentType: string, schema: S): z.infer<S> | Routed {
  if (!contentType.toLowerCase().startsWith('application/json'))
    return error(415, 'application/json expected');
  const parsed = schema.safeParse(parseJsonObject(body));
  if (!parsed.success) return error(400, `${issuePaths(parsed.error)} is missing or invalid`);
  return parsed.data;
}

function issuePaths(err: z.ZodError): string {
  return [...new Set(err.issues.map((i) => i.path.map(String).join('.') || 'body'))].join(', ');
}

/** `limit` (default 100) and an opaque `from` cursor (the next offset); `next` is absent on the last page. */
function page(items: readonly unknown[], query: URLSearchParams, max: number): Routed {
  const limit = Math.min(Math.max(Number(query.get('limit') ?? '100') || 100, 1), max);
  const start = Math.max(Number(query.get('from') ?? '0') || 0, 0);
  const data = items.slice(start, start + limit);
  const next = start + limit < items.length ? String(start + limit) : undefined;
  return ok(200, { data, ...(next === undefined ? {} : { next }) });
}
