import { explainAuth } from '../kit/explain-auth.js';
import { parseWire } from '../kit/parse-wire.js';
import type { HttpClient, HttpRequest } from '../kit/http-client.js';
import { DUPLICATE_STATUS } from './assumptions.js';
import {
  createdSchema,
  dataEnvelopeSchema,
  employeeSchema,
  listEnvelopeSchema,
  namedItemSchema,
  type Employee,
  type EmployeeBody,
  type NamedItem,
  type PositionBody,
  type SalaryBody,
} from './schemas.js';

/**
 * The PeopleForce calls HireBridge makes, one function per endpoint (hris-apis.md §4.2). Every failure is
 * an AppError classified by the kit; a 403 gets PeopleForce's likely reason (§4.1: a 403 on every call is
 * the IP allowlist or API access disabled for the key, not a bad key).
 */
export interface PeopleforceTransport {
  readonly http: HttpClient;
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly limiterKey: string;
}

export const FORBIDDEN_MESSAGE =
  'key refused, or this server’s address is not on the PeopleForce IP allowlist';

const employeeList = listEnvelopeSchema(employeeSchema);
const employeeData = dataEnvelopeSchema(employeeSchema);
const namedList = listEnvelopeSchema(namedItemSchema);
const createdData = dataEnvelopeSchema(createdSchema);

interface Call {
  readonly method: HttpRequest['method'];
  readonly path: string;
  readonly endpoint: string;
  readonly json?: unknown;
  readonly form?: FormData;
  readonly idempotent?: boolean;
  readonly acceptStatuses?: readonly number[];
  readonly signal?: AbortSignal | undefined;
}

async function call(t: PeopleforceTransport, c: Call) {
  const endpoint = `peopleforce ${c.endpoint}`;
  const headers: Record<string, string> = { 'x-api-key': t.apiKey, accept: 'application/json' };
  if (c.json !== undefined) headers['content-type'] = 'application/json';
  try {
    return await t.http.request({
      method: c.method,
      url: `${t.baseUrl.replace(/\/+$/, '')}${c.path}`,
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
      status === 403 ? FORBIDDEN_MESSAGE : 'API key missing or invalid',
    );
  }
}

export interface EmployeePage {
  readonly employees: readonly Employee[];
  readonly page: number;
  readonly pages: number;
}

/** `GET /employees?emails[]=…&status=all&page=N`; `emails` empty lists everyone (a full scan). */
export async function listEmployees(
  t: PeopleforceTransport,
  emails: readonly string[],
  page: number,
  signal?: AbortSignal,
): Promise<EmployeePage> {
  const query = new URLSearchParams();
  for (const email of emails) query.append('emails[]', email);
  query.set('status', 'all');
  query.set('page', String(page));
  const res = await call(t, {
    method: 'GET',
    path: `/employees?${query.toString()}`,
    endpoint: 'list employees',
    signal,
  });
  const body = parseWire(employeeList, res.json(), 'peopleforce list employees');
  const pagination = body.metadata?.pagination;
  return { employees: body.data, page, pages: pagination?.pages ?? page };
}

/** `GET /employees/{id}`; null when PeopleForce answers 404. */
export async function getEmployee(
  t: PeopleforceTransport,
  id: number,
  signal?: AbortSignal,
): Promise<Employee | null> {
  const res = await call(t, {
    method: 'GET',
    path: `/employees/${id}`,
    endpoint: 'get employee',
    acceptStatuses: [404],
    signal,
  });
  if (res.status === 404) return null;
  return parseWire(employeeData, res.json(), 'peopleforce get employee').data;
}

export type CreateEmployeeOutcome =
  { readonly kind: 'created'; readonly employee: Employee } | { readonly kind: 'refused_as_duplicate' };

/** `POST /employees` (documented 200 `{data}`); a 422 comes back as a possible duplicate to look up. */
export async function createEmployee(
  t: PeopleforceTransport,
  body: EmployeeBody,
  signal?: AbortSignal,
): Promise<CreateEmployeeOutcome> {
  const res = await call(t, {
    method: 'POST',
    path: '/employees',
    endpoint: 'create employee',
    json: body,
    idempotent: false,
    acceptStatuses: [DUPLICATE_STATUS],
    signal,
  });
  if (res.status === DUPLICATE_STATUS) return { kind: 'refused_as_duplicate' };
  return {
    kind: 'created',
    employee: parseWire(employeeData, res.json(), 'peopleforce create employee').data,
  };
}

/** `PUT /employees/{id}`: a full update of the fields we send (repeatable, so idempotent). */
export async function updateEmployee(
  t: PeopleforceTransport,
  id: number,
  body: EmployeeBody,
  signal?: AbortSignal,
): Promise<void> {
  await call(t, { method: 'PUT', path: `/employees/${id}`, endpoint: 'update employee', json: body, signal });
}

export async function createPosition(
  t: PeopleforceTransport,
  employeeId: number,
  body: PositionBody,
  signal?: AbortSignal,
): Promise<number> {
  const res = await call(t, {
    method: 'POST',
    path: `/employees/${employeeId}/positions`,
    endpoint: 'create position',
    json: body,
    idempotent: false,
    signal,
  });
  return parseWire(createdData, res.json(), 'peopleforce create position').data.id;
}

export async function createSalary(
  t: PeopleforceTransport,
  employeeId: number,
  body: SalaryBody,
  signal?: AbortSignal,
): Promise<number> {
  const res = await call(t, {
    method: 'POST',
    path: `/employees/${employeeId}/salaries`,
    endpoint: 'create salary',
    json: body,
    idempotent: false,
    signal,
  });
  return parseWire(createdData, res.json(), 'peopleforce create salary').data.id;
}

export interface DocumentUpload {
  readonly folderId: number;
  readonly name: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** Multipart `POST /employees/{id}/documents` with the file as the `document` part. */
export async function uploadDocument(
  t: PeopleforceTransport,
  employeeId: number,
  doc: DocumentUpload,
  signal?: AbortSignal,
): Promise<number> {
  const form = new FormData();
  form.set('document_folder_id', String(doc.folderId));
  form.set('name', doc.name);
  form.set('document', new Blob([doc.bytes], { type: doc.contentType }), doc.fileName);
  const res = await call(t, {
    method: 'POST',
    path: `/employees/${employeeId}/documents`,
    endpoint: 'upload document',
    form,
    idempotent: false,
    signal,
  });
  return parseWire(createdData, res.json(), 'peopleforce upload document').data.id;
}

export type ReferenceList = 'positions' | 'departments' | 'locations' | 'document_folders';

/** Every item of a reference list (`GET /positions` and the like), following `metadata.pagination`. */
export async function listReference(
  t: PeopleforceTransport,
  list: ReferenceList,
  signal?: AbortSignal,
  maxPages = 50,
): Promise<NamedItem[]> {
  const items: NamedItem[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const res = await call(t, {
      method: 'GET',
      path: `/${list}?page=${page}`,
      endpoint: `list ${list}`,
      signal,
    });
    const body = parseWire(namedList, res.json(), `peopleforce list ${list}`);
    items.push(...body.data);
    if (page >= (body.metadata?.pagination.pages ?? 1) || body.data.length === 0) break;
  }
  return items;
}
