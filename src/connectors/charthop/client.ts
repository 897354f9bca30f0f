import { explainAuth } from '../kit/explain-auth.js';
import { parseWire } from '../kit/parse-wire.js';
import type { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import type { HttpClient, HttpRequest } from '../kit/http-client.js';
import {
  FILE_SENSITIVITY,
  JOB_FIELDS,
  MAX_PAGES,
  PAGE_LIMIT,
  PERSON_FIELDS,
  SNAPSHOT_RETRY_MS,
} from './assumptions.js';
import {
  createdSchema,
  jobSchema,
  pageSchema,
  personSchema,
  type HireBody,
  type Job,
  type JobBody,
  type Person,
  type PersonBody,
} from './schemas.js';

/**
 * The ChartHop calls HireBridge makes, one function per endpoint (hris-apis.md §5.3). Every failure is an
 * AppError classified by the kit; a 202 ("snapshot building", §5.4) becomes a retryable error, since the
 * kit counts every 2xx as done.
 */
export interface CharthopTransport {
  readonly http: HttpClient;
  readonly baseUrl: string;
  readonly apiToken: string;
  /** The org id or slug in every path. */
  readonly orgId: string;
  readonly limiterKey: string;
}

interface Call {
  readonly method: HttpRequest['method'];
  /** After `/v1/org/{org}` or `/v2/org/{org}`. */
  readonly path: string;
  readonly version: 'v1' | 'v2';
  readonly endpoint: string;
  readonly json?: unknown;
  readonly form?: FormData;
  readonly idempotent?: boolean;
  readonly acceptStatuses?: readonly number[];
  readonly signal?: AbortSignal | undefined;
}

async function call(t: CharthopTransport, c: Call) {
  const endpoint = `charthop ${c.endpoint}`;
  const headers: Record<string, string> = {
    authorization: `Bearer ${t.apiToken}`,
    accept: 'application/json',
  };
  if (c.json !== undefined) headers['content-type'] = 'application/json';
  const root = `${t.baseUrl.replace(/\/+$/, '')}/${c.version}/org/${encodeURIComponent(t.orgId)}`;
  let res;
  try {
    res = await t.http.request({
      method: c.method,
      url: `${root}${c.path}`,
      endpoint,
      headers,
      ...(c.json !== undefined ? { body: JSON.stringify(c.json) } : c.form ? { body: c.form } : {}),
      limiterKey: t.limiterKey,
      ...(c.idempotent === undefined ? {} : { idempotent: c.idempotent }),
      ...(c.acceptStatuses ? { acceptStatuses: c.acceptStatuses } : {}),
      ...(c.signal ? { signal: c.signal } : {}),
    });
  } catch (err) {
    throw explainAuth(err, endpoint, (status) =>
      status === 403
        ? 'token refused for this organization, or the ChartHop app lacks a permission'
        : 'API token missing or invalid',
    );
  }
  if (res.status === 202) {
    throw new AppError('upstream_retryable', `${endpoint}: ChartHop is building a snapshot (HTTP 202)`, {
      details: { endpoint, status: 202 },
      retryAfterMs: SNAPSHOT_RETRY_MS,
    });
  }
  return res;
}

async function listAll<S extends z.ZodType>(
  t: CharthopTransport,
  resource: 'person' | 'job',
  fields: string,
  item: S,
  signal?: AbortSignal,
): Promise<z.infer<S>[]> {
  const schema = pageSchema(item);
  const all: z.infer<S>[] = [];
  let from: string | null | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ fields, includeAll: 'true', limit: String(PAGE_LIMIT) });
    if (from) query.set('from', from);
    const endpoint = `list ${resource}s`;
    const res = await call(t, {
      method: 'GET',
      version: 'v2',
      path: `/${resource}?${query.toString()}`,
      endpoint,
      signal,
    });
    const body = parseWire(schema, res.json(), `charthop ${endpoint}`);
    all.push(...(body.data as z.infer<S>[]));
    from = body.next;
    if (!from || body.data.length === 0) break;
  }
  return all;
}

/** One cheap authenticated call: the first person id. */
export async function probe(t: CharthopTransport, signal?: AbortSignal): Promise<void> {
  const path = '/person?fields=id&limit=1';
  const res = await call(t, { method: 'GET', version: 'v2', path, endpoint: 'list persons', signal });
  parseWire(pageSchema(createdSchema), res.json(), 'charthop list persons');
}

/** `GET /v2/org/{org}/person`, every page. */
export function listPersons(t: CharthopTransport, signal?: AbortSignal): Promise<Person[]> {
  return listAll(t, 'person', PERSON_FIELDS, personSchema, signal);
}

/** `GET /v2/org/{org}/job`, every page. */
export function listJobs(t: CharthopTransport, signal?: AbortSignal): Promise<Job[]> {
  return listAll(t, 'job', JOB_FIELDS, jobSchema, signal);
}

/** `GET /v2/org/{org}/person/{id}`; null when ChartHop answers 404. */
export async function getPerson(
  t: CharthopTransport,
  id: string,
  signal?: AbortSignal,
): Promise<Person | null> {
  const path = `/person/${encodeURIComponent(id)}?fields=${encodeURIComponent(PERSON_FIELDS)}`;
  const res = await call(t, {
    method: 'GET',
    version: 'v2',
    path,
    endpoint: 'get person',
    acceptStatuses: [404],
    signal,
  });
  return res.status === 404 ? null : parseWire(personSchema, res.json(), 'charthop get person');
}

/** `POST /v2/org/{org}/person`; never repeated blindly (no idempotency key, §1). */
export async function createPerson(
  t: CharthopTransport,
  body: PersonBody,
  signal?: AbortSignal,
): Promise<string> {
  const res = await call(t, {
    method: 'POST',
    version: 'v2',
    path: '/person',
    endpoint: 'create person',
    json: body,
    idempotent: false,
    signal,
  });
  return parseWire(createdSchema, res.json(), 'charthop create person').id;
}

export async function updatePerson(
  t: CharthopTransport,
  id: string,
  body: PersonBody,
  signal?: AbortSignal,
): Promise<void> {
  await call(t, {
    method: 'PATCH',
    version: 'v2',
    path: `/person/${encodeURIComponent(id)}`,
    endpoint: 'update person',
    json: body,
    signal,
  });
}

/** `POST /v2/org/{org}/job`: a new open job. */
export async function createJob(t: CharthopTransport, body: JobBody, signal?: AbortSignal): Promise<string> {
  const res = await call(t, {
    method: 'POST',
    version: 'v2',
    path: '/job',
    endpoint: 'create job',
    json: body,
    idempotent: false,
    signal,
  });
  return parseWire(createdSchema, res.json(), 'charthop create job').id;
}

/** `POST /v1/org/{org}/change/sync/hire`: creates the HIRE change only if absent, so retries are safe. */
export async function syncHire(t: CharthopTransport, body: HireBody, signal?: AbortSignal): Promise<string> {
  const res = await call(t, {
    method: 'POST',
    version: 'v1',
    path: '/change/sync/hire',
    endpoint: 'hire change',
    json: body,
    signal,
  });
  return parseWire(createdSchema, res.json(), 'charthop hire change').id;
}

export interface PersonFile {
  readonly personId: string;
  readonly fieldId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** Multipart `POST /v1/org/{org}/file?entityType=PERSON…` (§5.3 step 6). */
export async function uploadPersonFile(
  t: CharthopTransport,
  file: PersonFile,
  signal?: AbortSignal,
): Promise<string> {
  const query = new URLSearchParams({
    entityId: file.personId,
    entityType: 'PERSON',
    fieldId: file.fieldId,
    sensitive: FILE_SENSITIVITY,
  });
  const form = new FormData();
  form.set('file', new Blob([file.bytes], { type: file.contentType }), file.fileName);
  const res = await call(t, {
    method: 'POST',
    version: 'v1',
    path: `/file?${query.toString()}`,
    endpoint: 'upload file',
    form,
    idempotent: false,
    signal,
  });
  return parseWire(createdSchema, res.json(), 'charthop upload file').id;
}
