import { HIBOB_ASSUMPTIONS } from '../assumptions.js';
import {
  createEmployeeSchema,
  DOCUMENT_LIMIT_BYTES,
  invitationSchema,
  salaryEntrySchema,
  searchRequestSchema,
  workEntrySchema,
} from '../schemas.js';
import { parseMultipart } from '../../kit/fake/http-io.js';
import {
  hasListItem,
  hasListLabel,
  type FakeEmployee,
  type HibobFakePermission,
  type HibobFakeState,
} from './state.js';

/**
 * The HiBob endpoints the connector uses, as the reference describes them (§2.3). Each route names the
 * permission it needs, its rate-limit class, and answers `[status, body]`; errors are Bob's `{key, error}`.
 */
export interface FakeRequest {
  readonly params: readonly string[];
  readonly body: Buffer;
  readonly contentType: string;
}
export type FakeAnswer = readonly [status: number, body: unknown];

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly permission: (params: readonly string[]) => HibobFakePermission;
  readonly limit: 'search' | 'write' | 'read';
  /** Request bytes accepted; uploads get room for Bob's 5 MB files plus multipart framing. */
  readonly maxBody?: number;
  handle(state: HibobFakeState, req: FakeRequest): FakeAnswer | Promise<FakeAnswer>;
}

const error = (status: number, key: string, message: string): FakeAnswer => [status, { key, error: message }];

function json(req: FakeRequest): unknown {
  try {
    return JSON.parse(req.body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FakeAnswer {
  const first = issues[0];
  const path = first ? first.path.map(String).join('.') : '';
  return error(
    400,
    'VALIDATION_ERROR',
    `Invalid value for ${path || 'body'}: ${first?.message ?? 'invalid'}`,
  );
}

function employee(state: HibobFakeState, id: string | undefined): FakeEmployee | FakeAnswer {
  const found = id === undefined ? undefined : state.employees.get(id);
  return found ?? error(404, 'EMPLOYEE_NOT_FOUND', 'Employee not found');
}
const isAnswer = (v: FakeEmployee | FakeAnswer): v is FakeAnswer => Array.isArray(v);

/** A list field takes the item id; a label (or an archived or unknown id) is refused, as Bob does. */
function checkDepartment(state: HibobFakeState, department: string | undefined): FakeAnswer | null {
  if (department === undefined) return null;
  const items = state.listItems(HIBOB_ASSUMPTIONS.departmentListName);
  return hasListItem(items, department)
    ? null
    : error(400, 'INVALID_LIST_VALUE', 'work.department must be the id of an item of the department list');
}

/** `site` takes the site's name (official create example) or its item id. */
function checkSite(state: HibobFakeState, site: string | undefined): FakeAnswer | null {
  if (site === undefined) return null;
  const items = state.listItems('site');
  return hasListLabel(items, site) || hasListItem(items, site)
    ? null
    : error(400, 'INVALID_SITE', 'work.site is not a site of this company');
}

export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/company\/people\/fields$/,
    permission: () => 'fields:read',
    limit: 'read',
    handle: () => [
      200,
      ['root.firstName', 'root.surname', 'root.email', 'work.site', 'work.startDate', 'work.department'].map(
        (jsonPath) => ({ id: jsonPath.split('.')[1], jsonPath, name: jsonPath }),
      ),
    ],
  },
  {
    method: 'GET',
    pattern: /^\/company\/named-lists$/,
    permission: () => 'lists:read',
    limit: 'read',
    handle: (state) => [200, state.seed.namedLists],
  },
  {
    method: 'POST',
    pattern: /^\/people\/search$/,
    permission: () => 'people:search',
    limit: 'search',
    handle: (state, req) => {
      const parsed = searchRequestSchema.safeParse(json(req));
      if (!parsed.success) return invalid(parsed.error.issues);
      const { filters = [], showInactive = false } = parsed.data;
      const matches = [...state.employees.values()].filter(
        (e) =>
          (showInactive || e.lifecycleStatus !== 'terminated') &&
          filters.every((f) =>
            f.values.some((v) =>
              f.fieldPath === 'root.id' ? e.id === v : e.email.toLowerCase() === v.toLowerCase(),
            ),
          ),
      );
      return [200, { employees: matches.map((e) => ({ id: e.id, email: e.email })) }];
    },
  },
  {
    method: 'POST',
    pattern: /^\/people$/,
    permission: () => 'people:create',
    limit: 'write',
    handle: (state, req) => {
      const parsed = createEmployeeSchema.safeParse(json(req));
      if (!parsed.success) return invalid(parsed.error.issues);
      const body = parsed.data;
      if (state.byEmail(body.email)) {
        return error(
          400,
          HIBOB_ASSUMPTIONS.duplicateEmailErrorKey,
          'An employee with this email already exists',
        );
      }
      const refused = checkDepartment(state, body.work.department) ?? checkSite(state, body.work.site);
      if (refused) return refused;
      const created = state.addEmployee({
        firstName: body.firstName,
        surname: body.surname,
        email: body.email,
        site: body.work.site,
        startDate: body.work.startDate,
        ...(body.work.title === undefined ? {} : { title: body.work.title }),
        ...(body.work.department === undefined ? {} : { department: body.work.department }),
        lifecycleStatus: 'hired',
      });
      Object.assign(created.body, body);
      return [200, { id: created.id, firstName: created.firstName, surname: created.surname }];
    },
  },
  {
    method: 'PUT',
    pattern: /^\/people\/([^/]+)$/,
    permission: () => 'people:update',
    limit: 'write',
    handle: (state, req) => {
      const found = employee(state, req.params[0]);
      if (isAnswer(found)) return found;
      const parsed = createEmployeeSchema
        .pick({ firstName: true, surname: true, home: true })
        .partial()
        .safeParse(json(req));
      if (!parsed.success) return invalid(parsed.error.issues);
      const { firstName, surname, home } = parsed.data;
      if (firstName !== undefined) found.firstName = firstName;
      if (surname !== undefined) found.surname = surname;
      Object.assign(
        found.body,
        parsed.data,
        home ? { home: { ...(found.body['home'] as object), ...home } } : {},
      );
      return [200, {}];
    },
  },
  {
    method: 'POST',
    pattern: /^\/people\/([^/]+)\/work$/,
    permission: () => 'work:write',
    limit: 'write',
    handle: (state, req) => {
      const found = employee(state, req.params[0]);
      if (isAnswer(found)) return found;
      const parsed = workEntrySchema.safeParse(json(req));
      if (!parsed.success) return invalid(parsed.error.issues);
      const entry = parsed.data;
      const refused = checkDepartment(state, entry.department) ?? checkSite(state, entry.site);
      if (refused) return refused;
      if (entry.reportsTo && !state.employees.has(entry.reportsTo.id)) {
        return error(400, 'INVALID_REPORTS_TO', 'reportsTo.id is not an employee');
      }
      // UNCONFIRMED (assumptions.ts): an entry on the same effective date replaces the earlier one.
      const same = found.workEntries.findIndex((w) => w.effectiveDate === entry.effectiveDate);
      if (same !== -1) found.workEntries.splice(same, 1);
      const id = state.newId();
      found.workEntries.push({ ...entry, id });
      return [200, { id }];
    },
  },
  {
    method: 'GET',
    pattern: /^\/people\/([^/]+)\/salaries$/,
    permission: () => 'salaries:read',
    limit: 'read',
    handle: (state, req) => {
      const found = employee(state, req.params[0]);
      return isAnswer(found) ? found : [200, { values: found.salaries }];
    },
  },
  {
    method: 'POST',
    pattern: /^\/people\/([^/]+)\/salaries$/,
    permission: () => 'salaries:write',
    limit: 'write',
    handle: (state, req) => {
      const found = employee(state, req.params[0]);
      if (isAnswer(found)) return found;
      const parsed = salaryEntrySchema.safeParse(json(req));
      if (!parsed.success) return invalid(parsed.error.issues);
      found.salaries.push(parsed.data);
      return [200, {}];
    },
  },
  {
    method: 'GET',
    pattern: /^\/docs\/people\/([^/]+)$/,
    permission: () => 'docs:read',
    limit: 'read',
    handle: (state, req) => {
      const found = employee(state, req.params[0]);
      if (isAnswer(found)) return found;
      return [200, { documents: found.documents.map((d) => ({ id: d.id, name: d.name, folder: d.folder })) }];
    },
  },
  {
    method: 'POST',
    pattern: /^\/docs\/people\/([^/]+)\/(shared|confidential|folders\/[^/]+)\/upload$/,
    permission: (params) =>
      params[1] === 'shared'
        ? 'docs:shared'
        : params[1] === 'confidential'
          ? 'docs:confidential'
          : 'docs:custom',
    limit: 'write',
    maxBody: DOCUMENT_LIMIT_BYTES.standard + 64 * 1024,
    handle: async (state, req) => {
      const found = employee(state, req.params[0]);
      if (isAnswer(found)) return found;
      const form = await parseMultipart(req.body, req.contentType);
      const file = form?.get(HIBOB_ASSUMPTIONS.uploadPartName);
      if (!(file instanceof File)) return error(400, 'VALIDATION_ERROR', 'Missing file');
      const folder = req.params[1] ?? 'shared';
      const limit = folder.startsWith('folders/')
        ? DOCUMENT_LIMIT_BYTES.customFolder
        : DOCUMENT_LIMIT_BYTES.standard;
      if (file.size > limit) return error(400, 'FILE_TOO_LARGE', `The file is larger than ${limit} bytes`);
      found.documents.push({
        id: state.newId(),
        name: file.name,
        folder: folder.replace('folders/', 'folder:'),
        contentType: file.type,
        sizeBytes: file.size,
        bytes: Buffer.from(await file.arrayBuffer()),
      });
      return [200, {}];
    },
  },
  {
    method: 'POST',
    pattern: /^\/employees\/([^/]+)\/invitations$/,
    permission: () => 'invitations:write',
    limit: 'write',
    handle: (state, req) => {
      const found = employee(state, req.params[0]);
      if (isAnswer(found)) return found;
      const parsed = invitationSchema.safeParse(json(req));
      if (!parsed.success) return invalid(parsed.error.issues);
      if (!state.seed.welcomeWizards.some((w) => w.id === parsed.data.welcomeWizardId)) {
        return error(400, 'WIZARD_NOT_FOUND', 'No welcome wizard with this id');
      }
      found.invitations.push(parsed.data.welcomeWizardId);
      return [200, {}];
    },
  },
];
