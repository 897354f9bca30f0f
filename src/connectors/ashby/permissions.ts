import { isAppError } from '../../core/errors/app-error.js';
import type { AshbyClient } from './client.js';
import { permissionToScope, type AshbyPermission } from './schemas.js';

/**
 * Finds which permissions an Ashby API key has by making one cheap call per permission. `apiKey.info`
 * would list the scopes, but it needs apiKeysRead, which most keys made for an importer lack — so it is
 * only a shortcut for the optional write permissions when it happens to work.
 *
 * Read probes: a list call with `limit: 1`, which returns at most one record and changes nothing.
 *
 * Write probes (jobsWrite, apiKeysWrite) — chosen to have no side effect whatever the answer:
 * 1. If `apiKey.info` answers and its scopes contain the permission's scope string ("jobs:write",
 *    "apiKeys:write"), it is granted; no write endpoint is called.
 * 2. Otherwise we call a write endpoint on an id that cannot exist (the nil UUID):
 *    `opening.setArchived {openingId: nil, archive: false}` for jobsWrite and
 *    `webhook.update {webhookId: nil, enabled: false}` for apiKeysWrite. With the permission Ashby answers
 *    a not-found (or `invalid_input`) envelope; without it, `missing_endpoint_permission`. No record has the
 *    nil id, so nothing can change. We prefer this to "a create with an invalid body": opening.create has no
 *    required fields, so a body Ashby happened to accept would create a real opening.
 *    Risk: if Ashby looked the record up *before* checking the permission, a key without the permission
 *    would also get not-found and we would report it granted. The first real write would then fail with
 *    `permission_missing`, which names the permission — a clear, recoverable failure, not a silent one.
 *    The scope spelling in (1) is UNCONFIRMED for apiKeys (see schemas.ts), which is why (2) backs it up.
 */
export interface RequiredPermission {
  readonly name: AshbyPermission;
  readonly granted: boolean;
  readonly neededFor: string;
}

export interface OptionalPermission {
  readonly name: AshbyPermission;
  readonly granted: boolean;
  readonly enables: string;
}

export interface PermissionReport {
  readonly required: readonly RequiredPermission[];
  readonly optional: readonly OptionalPermission[];
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const REQUIRED: readonly {
  name: AshbyPermission;
  neededFor: string;
  probe: (c: AshbyClient) => Promise<unknown>;
}[] = [
  {
    name: 'candidatesRead',
    neededFor: 'read hired applications and candidate details (name, contacts, files)',
    probe: (c) => c.applicationList({ limit: 1 }),
  },
  {
    name: 'offersRead',
    neededFor: 'read the accepted offer (start date, salary, offer letter)',
    probe: (c) => c.offerList({ limit: 1 }),
  },
  {
    name: 'jobsRead',
    neededFor: 'read the job title and employment type',
    probe: (c) => c.jobList({ limit: 1 }),
  },
  {
    name: 'organizationRead',
    neededFor: 'read departments, locations and the hiring manager',
    probe: (c) => c.departmentList({ limit: 1 }),
  },
  {
    name: 'hiringProcessMetadataRead',
    neededFor: 'read custom field definitions for the field mapping',
    probe: (c) => c.customFieldListPage({ limit: 1 }),
  },
];

const OPTIONAL: readonly {
  name: AshbyPermission;
  enables: string;
  probe: (c: AshbyClient) => Promise<unknown>;
}[] = [
  {
    name: 'jobsWrite',
    enables: 'publish open positions to Ashby as openings',
    probe: (c) => c.probe('opening.setArchived', { openingId: NIL_UUID, archive: false }),
  },
  {
    name: 'apiKeysWrite',
    enables: 'create the Ashby webhooks automatically',
    probe: (c) => c.probe('webhook.update', { webhookId: NIL_UUID, enabled: false }),
  },
];

/**
 * Probes every permission in parallel. Rejects (with the classified error) when a probe fails for any
 * reason other than a missing permission — a refused key, an outage — because then nothing can be
 * concluded about the permissions.
 */
export async function probePermissions(client: AshbyClient): Promise<PermissionReport> {
  const scopes = client.apiKeyInfo().then(
    (info) => new Set(info.scopes),
    (err: unknown) => {
      if (isAppError(err) && err.code === 'permission_missing') return new Set<string>();
      throw err;
    },
  );
  const [required, optional] = await Promise.all([
    Promise.all(
      REQUIRED.map(async (p) => ({
        name: p.name,
        granted: await grantedBy(p.probe(client)),
        neededFor: p.neededFor,
      })),
    ),
    Promise.all(
      OPTIONAL.map(async (p) => {
        const viaScopes = (await scopes).has(permissionToScope(p.name));
        return {
          name: p.name,
          granted: viaScopes || (await grantedByWriteProbe(p.probe(client))),
          enables: p.enables,
        };
      }),
    ),
  ]);
  return { required, optional };
}

async function grantedBy(call: Promise<unknown>): Promise<boolean> {
  try {
    await call;
    return true;
  } catch (err) {
    if (isAppError(err) && err.code === 'permission_missing') return false;
    throw err;
  }
}

/** Any answer except "missing permission" means the permission check passed. */
async function grantedByWriteProbe(call: Promise<unknown>): Promise<boolean> {
  try {
    await call;
    return true;
  } catch (err) {
    if (!isAppError(err)) throw err;
    if (err.code === 'permission_missing') return false;
    if (err.code === 'not_found') return true;
    if (err.code === 'upstream_permanent' && err.details?.['upstreamCode'] !== undefined) return true;
    throw err;
  }
}
