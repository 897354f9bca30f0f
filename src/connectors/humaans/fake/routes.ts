import type { z } from 'zod';
import { HUMAANS_ASSUMPTIONS } from '../assumptions.js';
import {
  compensationSchema,
  createPersonSchema,
  customValueSchema,
  documentSchema,
  jobRoleSchema,
  type HumaansScope,
  type NamedItem,
} from '../schemas.js';
import type { Collection, FakeRow, HumaansFakeState } from './state.js';

/**
 * The Humaans endpoints the connector uses (§3.2), each with the scope it needs. Errors are Humaans'
 * `{code, name, message, issues}`; validation answers 422 (ex_humaans error.ex).
 */
export interface FakeRequest {
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** The `:id` of a path such as `/people/:id`. */
  readonly id?: string;
}
export type FakeAnswer = readonly [status: number, body: unknown];

export interface Route {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** Exact, or ending in `/:id` for one record. */
  readonly path: string;
  readonly scope: HumaansScope;
  handle(state: HumaansFakeState, req: FakeRequest, options: RouteOptions): FakeAnswer;
}
export interface RouteOptions {
  /** Answer lists unfiltered (whether Humaans filters on `email` is UNCONFIRMED). */
  readonly ignoreFilters: boolean;
}

type Issue = { readonly path: readonly (string | number)[]; readonly message: string };
const validation = (issues: readonly Issue[]): FakeAnswer => [
  422,
  { code: 'ValidationError', name: 'ValidationError', message: 'Validation failed', issues },
];
const fromZod = (error: z.ZodError): FakeAnswer =>
  validation(
    error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: i.message,
    })),
  );

/** Feathers-style paging with equality filters on plain fields. */
function page(
  rows: readonly Record<string, unknown>[],
  query: URLSearchParams,
  options: RouteOptions,
): FakeAnswer {
  const limit = Math.min(Number(query.get('$limit') ?? 100) || 100, HUMAANS_ASSUMPTIONS.pageSize);
  const skip = Math.max(0, Number(query.get('$skip') ?? 0) || 0);
  const filters = [...query.entries()].filter(([k]) => !k.startsWith('$'));
  const matching = options.ignoreFilters
    ? rows
    : rows.filter((r) =>
        filters.every(([k, v]) => typeof r[k] === 'string' && r[k].toLowerCase() === v.toLowerCase()),
      );
  return [200, { total: matching.length, limit, skip, data: matching.slice(skip, skip + limit) }];
}

function list(
  path: string,
  scope: HumaansScope,
  rows: (s: HumaansFakeState) => readonly Record<string, unknown>[],
): Route {
  return {
    method: 'GET',
    path,
    scope,
    handle: (state, req, options) => page(rows(state), req.query, options),
  };
}

function create<T extends Record<string, unknown>>(
  path: string,
  collection: Collection,
  scope: HumaansScope,
  schema: z.ZodType<T>,
  check: (state: HumaansFakeState, body: T) => Issue[] = () => [],
): Route {
  return {
    method: 'POST',
    path,
    scope,
    handle: (state, req) => {
      const parsed = schema.safeParse(req.body);
      if (!parsed.success) return fromZod(parsed.error);
      const issues = check(state, parsed.data);
      if (issues.length > 0) return validation(issues);
      return [201, state.insert(collection, parsed.data)];
    },
  };
}

const known = (items: readonly NamedItem[], id: unknown) =>
  id === undefined || items.some((i) => i.id === id);
const personIssue = (state: HumaansFakeState, id: unknown): Issue[] =>
  state.person(id) ? [] : [{ path: ['personId'], message: 'No person with this id' }];

export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/me', scope: 'public:read', handle: () => [200, { id: 'me', role: 'admin' }] },
  list('/people', 'public:read', (s) => s.rows.people),
  {
    method: 'POST',
    path: '/people',
    scope: 'private:write',
    handle: (state, req) => {
      const parsed = createPersonSchema.safeParse(req.body);
      if (!parsed.success) return fromZod(parsed.error);
      const body = parsed.data;
      if (state.personByEmail(body.email)) {
        return validation([
          { path: [HUMAANS_ASSUMPTIONS.duplicateEmailIssuePath], message: 'Email is already in use' },
        ]);
      }
      if (!known(state.seed.locations, body.locationId)) {
        return validation([{ path: ['locationId'], message: 'No location with this id' }]);
      }
      const row: FakeRow = state.addPerson({ ...body, status: 'active' });
      return [201, row];
    },
  },
  {
    method: 'PATCH',
    path: '/people/:id',
    scope: 'private:write',
    handle: (state, req) => {
      const row = state.person(req.id);
      if (!row) return [404, { code: 'NotFound', name: 'NotFound', message: 'No person with this id' }];
      const parsed = createPersonSchema.partial().safeParse(req.body);
      if (!parsed.success) return fromZod(parsed.error);
      const body = parsed.data;
      const other = body.email === undefined ? undefined : state.personByEmail(body.email);
      if (other && other.id !== row.id) {
        return validation([
          { path: [HUMAANS_ASSUMPTIONS.duplicateEmailIssuePath], message: 'Email is already in use' },
        ]);
      }
      return [200, state.patchPerson(row.id, body)];
    },
  },
  list('/job-roles', 'public:read', (s) => s.rows['job-roles']),
  create('/job-roles', 'job-roles', 'private:write', jobRoleSchema, (state, body) => [
    ...personIssue(state, body.personId),
    ...(body.reportingTo === undefined || state.person(body.reportingTo)
      ? []
      : [{ path: ['reportingTo'], message: 'No person with this id' }]),
  ]),
  list('/locations', 'public:read', (s) => s.seed.locations),
  list('/compensation-types', 'compensations:read', (s) => s.seed.compensationTypes),
  list('/compensations', 'compensations:read', (s) => s.rows.compensations),
  create('/compensations', 'compensations', 'compensations:write', compensationSchema, (state, body) => [
    ...personIssue(state, body.personId),
    ...(known(state.seed.compensationTypes, body.compensationTypeId)
      ? []
      : [{ path: ['compensationTypeId'], message: 'No compensation type with this id' }]),
  ]),
  list('/document-types', 'documents:read', (s) => s.seed.documentTypes),
  list('/documents', 'documents:read', (s) => s.rows.documents),
  create('/documents', 'documents', 'documents:write', documentSchema, (state, body) => [
    ...personIssue(state, body.personId),
    ...(body.link === undefined && body.fileId === undefined
      ? [{ path: ['link'], message: 'A link or a fileId is required' }]
      : []),
    ...(known(state.seed.documentTypes, body.documentTypeId)
      ? []
      : [{ path: ['documentTypeId'], message: 'No document type with this id' }]),
  ]),
  create('/custom-values', 'custom-values', 'private:write', customValueSchema, (state, body) => [
    ...personIssue(state, body.personId),
    ...(known(state.seed.customFields, body.customFieldId)
      ? []
      : [{ path: ['customFieldId'], message: 'No custom field with this id' }]),
  ]),
];

/** The route for a method and path, with the `:id` it named (`/people/p_1` matches `/people/:id`). */
export function findRoute(method: string, path: string): { route: Route; id?: string } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    if (route.path === path) return { route };
    if (!route.path.endsWith('/:id')) continue;
    const prefix = route.path.slice(0, -':id'.length);
    const id = path.startsWith(prefix) ? decodeURIComponent(path.slice(prefix.length)) : '';
    if (id !== '' && !id.includes('/')) return { route, id };
  }
  return undefined;
}
