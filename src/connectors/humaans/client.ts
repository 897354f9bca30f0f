import { parseWire } from '../kit/parse-wire.js';
import type { z } from 'zod';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { HttpClient, HttpRequest } from '../kit/http-client.js';
import type { HttpResponse } from '../kit/http-response.js';
import { HUMAANS_ASSUMPTIONS } from './assumptions.js';
import { explainRefusal, type HumaansEndpoint } from './scopes.js';
import {
  datedRowSchema,
  documentRowSchema,
  humaansErrorSchema,
  namedItemSchema,
  pageSchema,
  personSchema,
  type Compensation,
  type CreatePerson,
  type CustomValue,
  type HumaansDocument,
  type JobRole,
} from './schemas.js';

/**
 * Humaans' endpoints, one function each (§3.2), through the kit client (timeouts, Retry-After, classified
 * errors) on the tenant's limiter key. Creates are sent once: the kit never repeats a non-idempotent POST
 * except after a 429.
 */
export interface HumaansApiOptions {
  readonly http: HttpClient;
  /** e.g. https://app.humaans.io/api */
  readonly baseUrl: string;
  readonly apiToken: string;
  readonly limiterKey: string;
}

type CallRequest = Omit<HttpRequest, 'endpoint' | 'limiterKey' | 'acceptStatuses' | 'signal' | 'url'> & {
  readonly path: string;
  readonly signal?: AbortSignal | undefined;
};

const READ_ERROR_BODY = [400, 404, 409, 422] as const;
/** Safe to show: Humaans error codes and field paths, never messages (they may quote the person). */
const SAFE_WORD = /^[A-Za-z0-9_.-]{1,64}$/;
/** Bounds the page-through fallback: 40 pages of 250 is a 10 000-person company. */
const MAX_PAGES = 40;

const people = pageSchema(personSchema);
const namedItems = pageSchema(namedItemSchema);
const datedRows = pageSchema(datedRowSchema);
const documentRows = pageSchema(documentRowSchema);
const created = personSchema.pick({ id: true });

export function createHumaansApi(options: HumaansApiOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call(endpoint: HumaansEndpoint, req: CallRequest): Promise<HttpResponse> {
    const { path, signal, ...rest } = req;
    let response: HttpResponse;
    try {
      response = await options.http.request({
        ...rest,
        url: `${base}${path}`,
        ...(signal ? { signal } : {}),
        endpoint,
        limiterKey: options.limiterKey,
        acceptStatuses: READ_ERROR_BODY,
        headers: { authorization: `Bearer ${options.apiToken}`, accept: 'application/json', ...req.headers },
      });
    } catch (err) {
      throw explainRefusal(endpoint, err);
    }
    if (response.status >= 400) throw refusal(endpoint, response);
    return response;
  }

  const post = (endpoint: HumaansEndpoint, path: string, body: unknown, signal?: AbortSignal) =>
    call(endpoint, {
      method: 'POST',
      path,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
      idempotent: false,
      signal,
    });

  const get = async <T>(
    endpoint: HumaansEndpoint,
    path: string,
    schema: z.ZodType<T>,
    signal?: AbortSignal,
  ): Promise<T> =>
    parseWire(schema, (await call(endpoint, { method: 'GET', path, signal })).json(), endpoint);

  const query = (params: Record<string, string | number>) =>
    new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

  /** Every page of a list, bounded. */
  async function all<T>(
    endpoint: HumaansEndpoint,
    path: string,
    params: Record<string, string>,
    schema: z.ZodType<{ total: number; data: T[] }>,
    signal?: AbortSignal,
  ): Promise<T[]> {
    const rows: T[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const limit = HUMAANS_ASSUMPTIONS.pageSize;
      const res = await get(
        endpoint,
        `${path}?${query({ ...params, $limit: limit, $skip: page * limit })}`,
        schema,
        signal,
      );
      rows.push(...res.data);
      if (res.data.length === 0 || rows.length >= res.total) return rows;
    }
    throw new AppError('upstream_permanent', `${endpoint}: more than ${MAX_PAGES} pages`, {
      details: { endpoint, reason: 'too_many_pages' },
    });
  }

  return {
    /** One cheap read for "test connection". */
    async me(signal?: AbortSignal): Promise<void> {
      await call('humaans me', { method: 'GET', path: '/me', signal });
    },

    /**
     * People whose `email` or `personalEmail` is `email`. Asks the server to filter on `field`; if the
     * answer shows the filter was ignored (UNCONFIRMED whether it filters), pages through everyone.
     */
    async peopleWithEmail(email: string, field: 'email' | 'personalEmail', signal?: AbortSignal) {
      const wanted = email.toLowerCase();
      const matches = (p: z.infer<typeof personSchema>) =>
        p.email?.toLowerCase() === wanted || p.personalEmail?.toLowerCase() === wanted;
      const first = await get(
        'humaans people.list',
        `/people?${query({ [field]: email, $limit: HUMAANS_ASSUMPTIONS.pageSize })}`,
        people,
        signal,
      );
      const filtered = first.data.every((p) => p[field]?.toLowerCase() === wanted);
      if (filtered) return first.data;
      return (await all('humaans people.list', '/people', {}, people, signal)).filter(matches);
    },

    async personExists(id: string, signal?: AbortSignal): Promise<boolean> {
      const res = await get('humaans people.list', `/people?${query({ id, $limit: 1 })}`, people, signal);
      return res.data.some((p) => p.id === id);
    },

    async createPerson(body: CreatePerson, signal?: AbortSignal): Promise<string> {
      const res = await post('humaans people.create', '/people', body, signal);
      return parseWire(created, res.json(), 'humaans people.create').id;
    },

    /** `PATCH /people/{id}`: the fields given, the others kept (a change accepted after the create). */
    async updatePerson(id: string, body: Partial<CreatePerson>, signal?: AbortSignal): Promise<void> {
      await call('humaans people.update', {
        method: 'PATCH',
        path: `/people/${encodeURIComponent(id)}`,
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
        // The same fields sent twice leave the same person: safe to repeat.
        idempotent: true,
        ...(signal ? { signal } : {}),
      });
    },

    async jobRoles(personId: string, signal?: AbortSignal) {
      return all('humaans job-roles.list', '/job-roles', { personId }, datedRows, signal);
    },

    async createJobRole(body: JobRole, signal?: AbortSignal): Promise<void> {
      await post('humaans job-roles.create', '/job-roles', body, signal);
    },

    locations: (signal?: AbortSignal) => all('humaans locations.list', '/locations', {}, namedItems, signal),

    compensationTypes: (signal?: AbortSignal) =>
      all('humaans compensation-types.list', '/compensation-types', {}, namedItems, signal),

    compensations: (personId: string, signal?: AbortSignal) =>
      all('humaans compensations.list', '/compensations', { personId }, datedRows, signal),

    async createCompensation(body: Compensation, signal?: AbortSignal): Promise<void> {
      await post('humaans compensations.create', '/compensations', body, signal);
    },

    documentTypes: (signal?: AbortSignal) =>
      all('humaans document-types.list', '/document-types', {}, namedItems, signal),

    documents: (personId: string, signal?: AbortSignal) =>
      all('humaans documents.list', '/documents', { personId }, documentRows, signal),

    async createDocument(body: HumaansDocument, signal?: AbortSignal): Promise<void> {
      await post('humaans documents.create', '/documents', body, signal);
    },

    async createCustomValue(body: CustomValue, signal?: AbortSignal): Promise<void> {
      await post('humaans custom-values.create', '/custom-values', body, signal);
    },
  };
}

/** A 4xx with Humaans' error code and the paths of the fields it refused (never its messages). */
function refusal(endpoint: string, res: HttpResponse): AppError {
  let code: string | undefined;
  let fields: string[] = [];
  try {
    const body = humaansErrorSchema.safeParse(res.json());
    if (body.success) {
      if (body.data.code !== undefined && SAFE_WORD.test(body.data.code)) code = body.data.code;
      fields = (body.data.issues ?? [])
        .map((i) => (Array.isArray(i.path) ? i.path.join('.') : String(i.path)))
        .filter((p) => SAFE_WORD.test(p));
    }
  } catch (err) {
    if (!isAppError(err)) throw err;
  }
  const why = [code, fields.length > 0 ? `fields: ${fields.join(', ')}` : undefined]
    .filter(Boolean)
    .join('; ');
  return new AppError(
    'upstream_permanent',
    `${endpoint}: Humaans refused the request (HTTP ${res.status}${why ? `, ${why}` : ''})`,
    { details: { endpoint, status: res.status, ...(code ? { upstreamCode: code } : {}), fields } },
  );
}
