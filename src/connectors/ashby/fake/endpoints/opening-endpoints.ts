import { z } from 'zod';
import type { Opening } from '../../schemas.js';
import { AshbyApiError, invalidInput, notFound } from '../api-error.js';
import { isoAt, type SimulatorCore } from '../core.js';
import { paginate } from '../pagination.js';
import { createdAfterShape, ms, pageBody, pageParamsShape, params, type EndpointTable } from './endpoint.js';

/**
 * Openings (§3.7, §7): what HireBridge pushes to Ashby. Reads need jobsRead, writes jobsWrite. Referenced
 * team/location/job ids are checked and a bad one answers `invalid_input` naming the parameter (Ashby's
 * exact answer is UNCONFIRMED). The "additional validation" of non-Draft creates is not simulated.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const employmentType = z.enum(['FullTime', 'PartTime', 'Intern', 'Contract', 'Temporary', '']);
const fields = {
  identifier: z.string().optional(),
  description: z.string().optional(),
  teamId: z.string().optional(),
  targetHireDate: day.optional(),
  targetStartDate: day.optional(),
  isBackfill: z.boolean().optional(),
  employmentType: employmentType.optional(),
};
const createBody = z.looseObject({
  ...fields,
  locationIds: z.array(z.string()).optional(),
  jobIds: z.array(z.string()).optional(),
  openingState: z.enum(['Draft', 'Approved', 'Open', 'Closed']).optional(),
});
const updateBody = z.looseObject({ openingId: z.string(), ...fields });
const stateBody = z.looseObject({
  openingId: z.string(),
  openingState: z.enum(['Draft', 'Approved', 'Open', 'Closed']),
  closeReasonId: z.string().optional(),
});
const byId = z.looseObject({ openingId: z.string() });
const listBody = z.looseObject({ ...pageParamsShape, ...createdAfterShape });

type Version = NonNullable<Opening['latestVersion']>;

function requireOpening(core: SimulatorCore, openingId: string): Opening & { latestVersion: Version } {
  const opening = core.state.openings.get(openingId);
  if (opening?.latestVersion == null) throw notFound('opening');
  return opening as Opening & { latestVersion: Version };
}

function checkRefs(
  core: SimulatorCore,
  p: { teamId?: string | undefined; locationIds?: string[] | undefined; jobIds?: string[] | undefined },
): void {
  if (p.teamId !== undefined && !core.state.departments.has(p.teamId))
    throw invalidInput('parameter teamId: unknown team');
  for (const id of p.locationIds ?? [])
    if (!core.state.locations.has(id)) throw invalidInput(`parameter locationIds: unknown location ${id}`);
  for (const id of p.jobIds ?? [])
    if (!core.state.jobs.has(id)) throw invalidInput(`parameter jobIds: unknown job ${id}`);
}

function setState(opening: Opening, state: string, nowIso: string): void {
  opening.openingState = state;
  if (state === 'Open') opening.openedAt ??= nowIso;
  if (state === 'Closed') opening.closedAt = nowIso;
}

/** Applies a change to one opening, bumps its revision, and answers the updated opening. */
function change(
  core: SimulatorCore,
  openingId: string,
  apply: (o: Opening & { latestVersion: Version }) => void,
) {
  const opening = requireOpening(core, openingId);
  apply(opening);
  core.state.touch(opening.id);
  return { results: structuredClone(opening) };
}

function listEdit(key: 'jobIds' | 'locationIds', add: boolean): EndpointTable[string] {
  const param = key === 'jobIds' ? 'jobId' : 'locationId';
  const schema = z.looseObject({ openingId: z.string(), [param]: z.string() });
  return {
    permission: 'jobsWrite',
    handle: ({ core, body }) => {
      const p = params(schema, body) as { openingId: string } & Record<string, string>;
      const id = p[param] ?? '';
      checkRefs(core, { [key]: [id] });
      return change(core, p.openingId, (o) => {
        const current = o.latestVersion[key] ?? [];
        o.latestVersion[key] = add ? [...new Set([...current, id])] : current.filter((x) => x !== id);
      });
    },
  };
}

export const openingEndpoints: EndpointTable = {
  'opening.info': {
    permission: 'jobsRead',
    handle: ({ core, body }) => ({
      results: structuredClone(requireOpening(core, params(byId, body).openingId)),
    }),
  },
  'opening.search': {
    permission: 'jobsRead',
    handle: ({ core, body }) => {
      const { identifier } = params(z.looseObject({ identifier: z.string() }), body);
      // Exact match (Ashby's match semantics are UNCONFIRMED).
      return {
        results: [...core.state.openings.values()].filter((o) => o.latestVersion?.identifier === identifier),
      };
    },
  },
  'opening.list': {
    permission: 'jobsRead',
    handle: ({ core, body }) => {
      const p = params(listBody, body);
      const created = (o: Opening) => ms(o.latestVersion?.createdAt ?? '1970-01-01T00:00:00.000Z');
      const page = paginate({
        state: core.state,
        items: [...core.state.openings.values()].filter(
          (o) => p.createdAfter === undefined || created(o) > p.createdAfter,
        ),
        createdAtMs: created,
        params: p,
        filters: JSON.stringify(['opening', p.createdAfter ?? null]),
        syncCapable: true,
      });
      return pageBody(page, (o) => o);
    },
  },
  'opening.create': {
    permission: 'jobsWrite',
    handle: ({ core, body }) => {
      const p = params(createBody, body);
      checkRefs(core, p);
      const nowIso = isoAt(core.now());
      const opening: Opening = {
        id: core.state.newId(),
        isArchived: false,
        openingState: 'Draft',
        latestVersion: {
          id: core.state.newId(),
          identifier: p.identifier ?? '',
          description: p.description ?? '',
          authorId: core.state.users.keys().next().value ?? null,
          createdAt: nowIso,
          ...(p.teamId === undefined ? {} : { teamId: p.teamId }),
          jobIds: p.jobIds ?? [],
          ...(p.targetHireDate === undefined ? {} : { targetHireDate: p.targetHireDate }),
          ...(p.targetStartDate === undefined ? {} : { targetStartDate: p.targetStartDate }),
          isBackfill: p.isBackfill ?? false,
          employmentType: p.employmentType || 'FullTime',
          locationIds: p.locationIds ?? [],
          hiringTeam: [],
          customFields: [],
        },
      };
      setState(opening, p.openingState ?? 'Draft', nowIso);
      core.state.openings.set(opening.id, opening);
      core.state.touch(opening.id);
      const results = structuredClone(opening);
      core.webhooks.fanOut(
        [{ action: 'openingCreate', data: { opening: results } }],
        core.state.webhooks.values(),
      );
      return { results };
    },
  },
  'opening.update': {
    permission: 'jobsWrite',
    handle: ({ core, body }) => {
      const { openingId, ...rest } = params(updateBody, body);
      checkRefs(core, rest);
      return change(core, openingId, (o) => {
        for (const [key, value] of Object.entries(rest)) {
          if (value !== undefined && key in fields) Object.assign(o.latestVersion, { [key]: value });
        }
      });
    },
  },
  'opening.setOpeningState': {
    permission: 'jobsWrite',
    handle: ({ core, body }) => {
      const p = params(stateBody, body);
      if (p.openingState === 'Closed') {
        if (p.closeReasonId === undefined)
          throw invalidInput('parameter closeReasonId: required when closing');
        if (!core.state.closeReasons.has(p.closeReasonId))
          throw new AshbyApiError('close_reason_not_found', 'Close reason not found');
      }
      return change(core, p.openingId, (o) => {
        setState(o, p.openingState, isoAt(core.now()));
        if (p.closeReasonId !== undefined) o.closeReasonId = p.closeReasonId;
      });
    },
  },
  'opening.setArchived': {
    permission: 'jobsWrite',
    handle: ({ core, body }) => {
      const p = params(z.looseObject({ openingId: z.string(), archive: z.boolean() }), body);
      return change(core, p.openingId, (o) => {
        o.isArchived = p.archive;
        if (p.archive) o.archivedAt = isoAt(core.now());
        else delete o.archivedAt;
      });
    },
  },
  'opening.addJob': listEdit('jobIds', true),
  'opening.removeJob': listEdit('jobIds', false),
  'opening.addLocation': listEdit('locationIds', true),
  'opening.removeLocation': listEdit('locationIds', false),
  'closeReason.list': {
    permission: 'hiringProcessMetadataRead',
    handle: ({ core, body }) => {
      const all =
        params(z.looseObject({ includeArchived: z.boolean().optional() }), body).includeArchived === true;
      return { results: [...core.state.closeReasons.values()].filter((r) => all || !r.isArchived) };
    },
  },
};
