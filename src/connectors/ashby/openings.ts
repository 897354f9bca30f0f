import { z } from 'zod';
import { isAppError } from '../../core/errors/app-error.js';
import type { PermissionCheck } from '../../core/ports/ashby-gateway.js';
import type { AshbyOpening, AshbyOpenings, NamedRef } from '../../core/ports/ashby-openings.js';
import type { HttpClient } from '../kit/http-client.js';
import { callAshby, type AshbyTransport } from './ashby-call.js';
import { createAshbyClient } from './client.js';
import { paginate, withCursor, type AshbyPage } from './paginate.js';
import { ashbyResponseSchema, customFieldDefinitionSchema, openingSchema, type Opening } from './schemas.js';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const schemas = {
  opening: ashbyResponseSchema(openingSchema),
  openings: ashbyResponseSchema(z.array(openingSchema)),
  field: ashbyResponseSchema(customFieldDefinitionSchema),
  closeReasons: ashbyResponseSchema(
    z.array(z.looseObject({ id: z.string(), reasonText: z.string(), isArchived: z.boolean().nullish() })),
  ),
  anything: ashbyResponseSchema(z.unknown()),
};

function toOpening(o: Opening): AshbyOpening {
  const v = o.latestVersion;
  return {
    id: o.id,
    identifier: v?.identifier ?? '',
    state: o.openingState,
    description: v?.description ?? '',
    teamId: v?.teamId ?? null,
    locationIds: v?.locationIds ?? [],
    jobIds: v?.jobIds ?? [],
    targetHireDate: v?.targetHireDate ?? null,
    targetStartDate: v?.targetStartDate ?? null,
    employmentType: v?.employmentType ?? null,
    customFieldValues: Object.fromEntries((v?.customFields ?? []).map((f) => [f.id, f.value])),
  };
}

/** What each opening-sync permission is for, in words an admin understands. */
const PURPOSES = {
  jobsWrite: 'create, update and close openings',
  jobsRead: 'find each position’s opening by its identifier',
  organizationRead: 'match departments and locations to Ashby’s',
  hiringProcessMetadataRead: 'read close reasons and opening custom fields',
  hiringProcessMetadataWrite: 'create the opening custom fields chosen for sync',
  candidatesWrite: 'set custom field values on openings',
} as const;

/**
 * Opening sync calls for one API key (hris-apis.md §6): opening.search/create/update, the separate
 * add/remove calls for jobs and locations (opening.update cannot change them), setOpeningState to close,
 * and custom fields (created with objectType Opening_Version, values set with objectType Opening).
 */
export function createAshbyOpenings(options: {
  http: HttpClient;
  apiUrl: string;
  apiKey: string;
  limiterKey: string;
}): AshbyOpenings {
  const transport: AshbyTransport = options;
  const client = createAshbyClient(options);
  // opening.create and customField.create are not repeated on a timeout: a lost answer could mean a
  // second record. The next sync run finds what the first call made (by identifier, by title).
  const once = { idempotent: false };
  const results = async <S extends z.ZodType>(
    endpoint: string,
    body: Record<string, unknown>,
    schema: S,
    idempotent = true,
  ) =>
    (
      (await callAshby(transport, endpoint, body, schema, idempotent ? {} : once)) as unknown as {
        results: unknown;
      }
    ).results as Extract<z.infer<S>, { success: true }> extends { results: infer R } ? R : never;

  async function all<T>(list: (cursor: string | undefined) => Promise<AshbyPage<T>>): Promise<T[]> {
    const items: T[] = [];
    for await (const page of paginate(list)) items.push(...page.results);
    return items;
  }

  async function granted(
    name: keyof typeof PURPOSES,
    probe: () => Promise<unknown>,
  ): Promise<PermissionCheck> {
    try {
      await probe();
      return { name, granted: true, purpose: PURPOSES[name] };
    } catch (err) {
      if (isAppError(err) && err.code === 'permission_missing')
        return { name, granted: false, purpose: PURPOSES[name] };
      // A write probe on the nil id answers not-found (or invalid input) when the permission is there.
      if (
        isAppError(err) &&
        (err.code === 'not_found' || err.code === 'upstream_permanent') &&
        !err.details?.['auth']
      )
        return { name, granted: true, purpose: PURPOSES[name] };
      throw err;
    }
  }

  return {
    checkPermissions: async ({ customFields }) => {
      // Write probes touch the nil UUID, which no record has: nothing can change (see permissions.ts).
      const checks = [
        granted('jobsWrite', () =>
          client.probe('opening.setArchived', { openingId: NIL_UUID, archive: false }),
        ),
        granted('jobsRead', () => client.probe('opening.search', { identifier: NIL_UUID })),
        granted('organizationRead', () => client.departmentList({ limit: 1 })),
        granted('hiringProcessMetadataRead', () => client.probe('closeReason.list', {})),
      ];
      if (customFields) {
        checks.push(
          granted('hiringProcessMetadataWrite', () =>
            client.probe('customField.updateSelectableValues', {
              customFieldId: NIL_UUID,
              selectableValues: [],
            }),
          ),
          granted('candidatesWrite', () =>
            client.probe('customField.setValue', {
              objectId: NIL_UUID,
              objectType: 'Opening',
              fieldId: NIL_UUID,
              fieldValue: '',
            }),
          ),
        );
      }
      return Promise.all(checks);
    },
    findByIdentifier: async (identifier) => {
      const found = await results('opening.search', { identifier }, schemas.openings);
      // Exact match only: Ashby's search semantics are UNCONFIRMED (it may match prefixes).
      const match = found.find((o) => o.latestVersion?.identifier === identifier);
      return match ? toOpening(match) : null;
    },
    create: async (draft, state) =>
      toOpening(
        await results(
          'opening.create',
          {
            identifier: draft.identifier,
            description: draft.description,
            ...(draft.teamId === null ? {} : { teamId: draft.teamId }),
            locationIds: draft.locationIds,
            jobIds: draft.jobIds,
            ...(draft.targetHireDate === null ? {} : { targetHireDate: draft.targetHireDate }),
            ...(draft.targetStartDate === null ? {} : { targetStartDate: draft.targetStartDate }),
            employmentType: draft.employmentType,
            openingState: state,
          },
          schemas.opening,
          false,
        ),
      ),
    update: async (openingId, s) =>
      toOpening(
        await results(
          'opening.update',
          {
            openingId,
            identifier: s.identifier,
            description: s.description,
            ...(s.teamId === null ? {} : { teamId: s.teamId }),
            ...(s.targetHireDate === null ? {} : { targetHireDate: s.targetHireDate }),
            ...(s.targetStartDate === null ? {} : { targetStartDate: s.targetStartDate }),
            employmentType: s.employmentType,
          },
          schemas.opening,
        ),
      ),
    editList: async (openingId, list, change, id) => {
      const endpoint = `opening.${change}${list === 'jobs' ? 'Job' : 'Location'}`;
      await results(
        endpoint,
        { openingId, [list === 'jobs' ? 'jobId' : 'locationId']: id },
        schemas.anything,
      );
    },
    close: async (openingId, closeReasonId) => {
      await results(
        'opening.setOpeningState',
        { openingId, openingState: 'Closed', closeReasonId },
        schemas.anything,
      );
    },
    references: async () => {
      const named = (items: readonly { id: string; name: string; isArchived: boolean }[]): NamedRef[] =>
        items.filter((i) => !i.isArchived).map((i) => ({ id: i.id, name: i.name }));
      const [teams, locations, jobs, closeReasons] = await Promise.all([
        all((cursor) => client.departmentList(withCursor({ limit: 100 }, cursor))),
        all((cursor) => client.locationList(withCursor({ limit: 100 }, cursor))),
        all((cursor) => client.jobList(withCursor({ limit: 100 }, cursor))),
        results('closeReason.list', {}, schemas.closeReasons),
      ]);
      return {
        teams: named(teams),
        locations: named(locations),
        jobIds: new Set(jobs.map((j) => j.id)),
        closeReasons: closeReasons
          .filter((r) => r.isArchived !== true)
          .map((r) => ({ id: r.id, name: r.reasonText })),
      };
    },
    openingFields: async () =>
      (await client.customFieldList())
        // Created as Opening_Version, read back as Opening (hris-apis.md §6); both are accepted.
        .filter((d) => !d.isArchived && (d.objectType === 'Opening' || d.objectType === 'Opening_Version'))
        .map((d) => ({ id: d.id, title: d.title })),
    createOpeningField: async (title) => {
      const created = await results(
        'customField.create',
        { fieldType: 'String', objectType: 'Opening_Version', title },
        schemas.field,
        false,
      );
      return { id: created.id, title: created.title };
    },
    setFieldValue: async (openingId, fieldId, value) => {
      await results(
        'customField.setValue',
        { objectId: openingId, objectType: 'Opening', fieldId, fieldValue: value },
        schemas.anything,
      );
    },
  };
}
