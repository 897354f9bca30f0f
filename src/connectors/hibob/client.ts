import { parseWire } from '../kit/parse-wire.js';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { HttpClient, HttpRequest } from '../kit/http-client.js';
import type { HttpResponse } from '../kit/http-response.js';
import { HIBOB_ASSUMPTIONS } from './assumptions.js';
import type { HibobPacer } from './pacing.js';
import { explainRefusal, type HibobEndpoint } from './permissions.js';
import {
  createdEmployeeSchema,
  documentListSchema,
  hibobErrorSchema,
  namedListsSchema,
  salaryEntryListSchema,
  searchResponseSchema,
  type CreateEmployee,
  type DocumentFolder,
  type NamedListItem,
  type SalaryEntry,
  type SearchRequest,
  type WorkEntry,
} from './schemas.js';

/**
 * HiBob's endpoints, one function each (§2.3). Every call goes through the kit client (timeouts,
 * Retry-After, classified errors) on the tenant's limiter key; writes and searches are also paced per
 * tenant. Creates are sent once: the kit never repeats a non-idempotent POST except after a 429.
 */
export interface HibobApiOptions {
  readonly http: HttpClient;
  /** e.g. https://api.hibob.com/v1 */
  readonly baseUrl: string;
  readonly serviceUserId: string;
  readonly token: string;
  readonly limiterKey: string;
  readonly pacer: HibobPacer;
}

export interface UploadFile {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

type CallRequest = Omit<HttpRequest, 'endpoint' | 'limiterKey' | 'acceptStatuses' | 'signal'> & {
  readonly pace?: 'write' | 'search';
  readonly signal?: AbortSignal | undefined;
};

/** Statuses whose `{key, error}` body we read to say more than the status. */
const READ_ERROR_BODY = [400, 404, 409, 413, 422] as const;
const SAFE_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

export function createHibobApi(options: HibobApiOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.serviceUserId}:${options.token}`, 'utf8').toString('base64')}`;

  async function call(endpoint: HibobEndpoint, req: CallRequest): Promise<HttpResponse> {
    const { pace, signal, ...rest } = req;
    if (pace === 'write') await options.pacer.write();
    if (pace === 'search') await options.pacer.search();
    let response: HttpResponse;
    try {
      response = await options.http.request({
        ...rest,
        ...(signal ? { signal } : {}),
        endpoint,
        limiterKey: options.limiterKey,
        acceptStatuses: READ_ERROR_BODY,
        headers: { authorization, accept: 'application/json', ...req.headers },
      });
    } catch (err) {
      throw explainRefusal(endpoint, err);
    }
    if (response.status >= 400) throw refusal(endpoint, response);
    return response;
  }

  const json = (body: unknown) => ({
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

  async function search(request: SearchRequest, signal?: AbortSignal) {
    const res = await call('hibob people.search', {
      method: 'POST',
      url: `${base}/people/search`,
      ...json(request),
      pace: 'search',
      signal,
    });
    return parseWire(searchResponseSchema, res.json(), 'hibob people.search').employees;
  }

  return {
    /** One cheap read (fields metadata) for "test connection". */
    async fields(signal?: AbortSignal): Promise<void> {
      await call('hibob fields', { method: 'GET', url: `${base}/company/people/fields`, signal });
    },

    /** `root.email` equals, inactive people included so a rehire is found (§2.3 step 3). */
    searchByEmail(email: string, signal?: AbortSignal) {
      return search(
        {
          fields: ['root.id', 'root.email'],
          filters: [{ fieldPath: 'root.email', operator: 'equals', values: [email] }],
          showInactive: true,
        },
        signal,
      );
    },

    searchById(id: string, signal?: AbortSignal) {
      return search(
        {
          fields: ['root.id', 'root.email'],
          filters: [{ fieldPath: 'root.id', operator: 'equals', values: [id] }],
          showInactive: true,
        },
        signal,
      );
    },

    /** `POST /people`; resolves to the new employee id. Never retried blindly (see the port). */
    async createEmployee(body: CreateEmployee, signal?: AbortSignal): Promise<string> {
      const res = await call('hibob people.create', {
        method: 'POST',
        url: `${base}/people`,
        ...json(body),
        idempotent: false,
        pace: 'write',
        signal,
      });
      return String(parseWire(createdEmployeeSchema, res.json(), 'hibob people.create').id);
    },

    /** `PUT /people/{id}`: the employee's own fields given (names, home); the others are kept. */
    async updateEmployee(
      employeeId: string,
      body: Partial<Pick<CreateEmployee, 'firstName' | 'surname' | 'home'>>,
      signal?: AbortSignal,
    ): Promise<void> {
      await call('hibob people.update', {
        method: 'PUT',
        url: `${base}/people/${encodeURIComponent(employeeId)}`,
        ...json(body),
        // The same fields sent twice leave the same employee.
        idempotent: true,
        pace: 'write',
        signal,
      });
    },

    async addWorkEntry(employeeId: string, entry: WorkEntry, signal?: AbortSignal): Promise<void> {
      await call('hibob work.create', {
        method: 'POST',
        url: `${base}/people/${encodeURIComponent(employeeId)}/work`,
        ...json(entry),
        idempotent: false,
        pace: 'write',
        signal,
      });
    },

    async listSalaries(employeeId: string, signal?: AbortSignal) {
      const res = await call('hibob salaries.list', {
        method: 'GET',
        url: `${base}/people/${encodeURIComponent(employeeId)}/salaries`,
        signal,
      });
      return parseWire(salaryEntryListSchema, res.json(), 'hibob salaries.list').values;
    },

    async addSalary(employeeId: string, entry: SalaryEntry, signal?: AbortSignal): Promise<void> {
      await call('hibob salaries.create', {
        method: 'POST',
        url: `${base}/people/${encodeURIComponent(employeeId)}/salaries`,
        ...json(entry),
        idempotent: false,
        pace: 'write',
        signal,
      });
    },

    /** Every named list with its items (department, site...): list fields take the item id (§2.3 step 2). */
    async namedLists(signal?: AbortSignal): Promise<Record<string, readonly NamedListItem[]>> {
      const res = await call('hibob named-lists', {
        method: 'GET',
        url: `${base}/company/named-lists`,
        signal,
      });
      const lists = parseWire(namedListsSchema, res.json(), 'hibob named-lists');
      return Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.values]));
    },

    async listDocuments(employeeId: string, signal?: AbortSignal) {
      const res = await call('hibob docs.list', {
        method: 'GET',
        url: `${base}/docs/people/${encodeURIComponent(employeeId)}`,
        signal,
      });
      return parseWire(documentListSchema, res.json(), 'hibob docs.list').documents;
    },

    /** Multipart upload of the bytes (§2.3 step 8), so Bob never has to reach HireBridge by URL. */
    async uploadDocument(
      employeeId: string,
      folder: DocumentFolder,
      file: UploadFile,
      signal?: AbortSignal,
    ): Promise<void> {
      const path =
        typeof folder === 'string'
          ? `${folder}/upload`
          : `folders/${encodeURIComponent(folder.customFolderId)}/upload`;
      const form = new FormData();
      form.append(
        HIBOB_ASSUMPTIONS.uploadPartName,
        new Blob([new Uint8Array(file.bytes)], { type: file.contentType }),
        file.name,
      );
      // The platform's own multipart encoder, read back as bytes for the kit client.
      const encoded = new Response(form);
      const body = new Uint8Array(await encoded.arrayBuffer());
      await call(typeof folder === 'string' ? `hibob docs.${folder}` : 'hibob docs.custom', {
        method: 'POST',
        url: `${base}/docs/people/${encodeURIComponent(employeeId)}/${path}`,
        body,
        headers: { 'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data' },
        idempotent: false,
        pace: 'write',
        signal,
      });
    },

    /** The pre-onboarding invite (3rd-party shape, §2.3 step 9). */
    async sendInvitation(employeeId: string, welcomeWizardId: number, signal?: AbortSignal): Promise<void> {
      await call('hibob invitations', {
        method: 'POST',
        url: `${base}/employees/${encodeURIComponent(employeeId)}/invitations`,
        ...json({ welcomeWizardId }),
        idempotent: false,
        pace: 'write',
        signal,
      });
    },
  };
}

export type HibobApi = ReturnType<typeof createHibobApi>;

/** A 4xx with Bob's error key (never its text: it may quote the person's email). */
function refusal(endpoint: string, res: HttpResponse): AppError {
  let key: string | undefined;
  try {
    const body = hibobErrorSchema.safeParse(res.json());
    if (body.success && body.data.key !== undefined && SAFE_KEY.test(body.data.key)) key = body.data.key;
  } catch (err) {
    if (!isAppError(err)) throw err;
  }
  return new AppError(
    'upstream_permanent',
    `${endpoint}: HiBob refused the request (HTTP ${res.status}${key ? `, ${key}` : ''})`,
    { details: { endpoint, status: res.status, ...(key ? { upstreamCode: key } : {}) } },
  );
}
