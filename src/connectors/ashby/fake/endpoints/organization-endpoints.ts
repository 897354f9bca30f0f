import { z } from 'zod';
import { notFound } from '../api-error.js';
import type { SimulatorCore } from '../core.js';
import { paginate } from '../pagination.js';
import {
  createdAfterShape,
  ms,
  pageBody,
  pageParamsShape,
  params,
  type EndpointTable,
  type SuccessBody,
} from './endpoint.js';
import { jobWire } from '../wire-common.js';

/** Organisation and job endpoints: departments, locations, users (organizationRead), jobs (jobsRead). */

const departmentList = z.looseObject({ ...pageParamsShape, includeArchived: z.boolean().optional() });
const locationList = z.looseObject({
  ...pageParamsShape,
  includeArchived: z.boolean().optional(),
  includeLocationHierarchy: z.boolean().optional(),
});
const userList = z.looseObject({ ...pageParamsShape, includeDeactivated: z.boolean().optional() });
const jobList = z.looseObject({
  ...pageParamsShape,
  ...createdAfterShape,
  status: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
});

/** Lists of records without a meaningful createdAt page in insertion (scenario) order. */
function listInOrder<T extends { id: string }>(
  core: SimulatorCore,
  all: Map<string, T>,
  keep: (item: T) => boolean,
  p: z.infer<z.ZodObject<typeof pageParamsShape>>,
  filters: string,
  map: (item: T) => unknown,
): SuccessBody {
  const order = new Map([...all.keys()].map((id, index) => [id, index]));
  const page = paginate({
    state: core.state,
    items: [...all.values()].filter(keep),
    createdAtMs: (item) => order.get(item.id) ?? 0,
    params: p,
    filters,
    syncCapable: true,
  });
  return pageBody(page, map);
}

function infoEndpoint<T>(
  param: string,
  objectName: string,
  lookup: (core: SimulatorCore, id: string) => T | undefined,
) {
  const schema = z.looseObject({ [param]: z.string() });
  return ({ core, body }: { core: SimulatorCore; body: Record<string, unknown> }): SuccessBody => {
    const p = params(schema, body) as Record<string, string>;
    const found = lookup(core, p[param] ?? '');
    if (found === undefined) throw notFound(objectName);
    return { results: structuredClone(found) };
  };
}

export const organizationEndpoints: EndpointTable = {
  'department.info': {
    permission: 'organizationRead',
    handle: infoEndpoint('departmentId', 'department', (core, id) => core.state.departments.get(id)),
  },
  'department.list': {
    permission: 'organizationRead',
    handle: ({ core, body }) => {
      const p = params(departmentList, body);
      const all = p.includeArchived === true;
      return listInOrder(
        core,
        core.state.departments,
        (d) => all || !d.isArchived,
        p,
        `department:${all}`,
        (d) => d,
      );
    },
  },
  'location.info': {
    permission: 'organizationRead',
    handle: infoEndpoint('locationId', 'location', (core, id) => core.state.locations.get(id)),
  },
  'location.list': {
    permission: 'organizationRead',
    handle: ({ core, body }) => {
      const p = params(locationList, body);
      const archived = p.includeArchived === true;
      const hierarchy = p.includeLocationHierarchy === true;
      return listInOrder(
        core,
        core.state.locations,
        (l) => (archived || !l.isArchived) && (hierarchy || l.type !== 'LocationHierarchy'),
        p,
        `location:${archived}:${hierarchy}`,
        (l) => l,
      );
    },
  },
  'user.info': {
    permission: 'organizationRead',
    handle: infoEndpoint('userId', 'user', (core, id) => core.state.users.get(id)),
  },
  'user.list': {
    permission: 'organizationRead',
    handle: ({ core, body }) => {
      const p = params(userList, body);
      const all = p.includeDeactivated === true;
      return listInOrder(
        core,
        core.state.users,
        (u) => all || u.isEnabled,
        p,
        `user:${all}`,
        (u) => u,
      );
    },
  },
  'user.search': {
    permission: 'organizationRead',
    handle: ({ core, body }) => {
      const p = params(z.looseObject({ email: z.string() }), body);
      const email = p.email.toLowerCase();
      return { results: [...core.state.users.values()].filter((u) => u.email?.toLowerCase() === email) };
    },
  },
  'job.info': {
    permission: 'jobsRead',
    handle: ({ core, body }) => {
      // The parameter is `id`, not `jobId` (§4, §11).
      const p = params(z.looseObject({ id: z.string(), expand: z.array(z.string()).optional() }), body);
      const job = core.state.jobs.get(p.id);
      if (job === undefined) throw notFound('job');
      return { results: jobWire(core.wire, job, p.expand ?? []) };
    },
  },
  'job.list': {
    permission: 'jobsRead',
    handle: ({ core, body }) => {
      const p = params(jobList, body);
      // Drafts are listed only when asked for (§4).
      const statuses = p.status ?? ['Open', 'Closed', 'Archived'];
      const page = paginate({
        state: core.state,
        items: [...core.state.jobs.values()].filter(
          (j) =>
            statuses.includes(j.status) && (p.createdAfter === undefined || ms(j.createdAt) > p.createdAfter),
        ),
        createdAtMs: (j) => ms(j.createdAt),
        params: p,
        filters: JSON.stringify(['job', statuses, p.createdAfter ?? null]),
        syncCapable: true,
      });
      return pageBody(page, (j) => jobWire(core.wire, j, p.expand ?? []));
    },
  },
};
