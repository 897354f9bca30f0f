import { fetchHireIfHired } from './fetch-hire.js';
import { probePermissions } from './permissions.js';
import type { AshbyReader } from './reader.js';
import { toCoreDefinition } from './to-bundle.js';
import { isAppError } from '../../core/errors/app-error.js';
import type { AshbyGateway } from '../../core/ports/ashby-gateway.js';
import type { AshbyOpenings } from '../../core/ports/ashby-openings.js';

/**
 * Error codes with which Ashby refuses a sync token: `sync_token_expired` (seen in a third-party client,
 * UNCONFIRMED) and `incremental_sync_too_large` (changelog 2026-05-14). Either means: sync in full.
 */
const SYNC_TOKEN_REFUSED = new Set(['sync_token_expired', 'incremental_sync_too_large']);

function isSyncTokenRefusal(err: unknown): boolean {
  const code = isAppError(err) ? err.details?.['upstreamCode'] : undefined;
  return typeof code === 'string' && SYNC_TOKEN_REFUSED.has(code);
}

function epochMs(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * What the Ashby connector gives HireBridge: the source port, short-lived file links (file.info) and the
 * opening sync calls (positions published as openings), all on the key's one client and limiter bucket.
 */
export interface AshbySource extends AshbyGateway {
  fileUrl(fileHandle: string): Promise<string>;
  readonly openings: AshbyOpenings;
}

/**
 * The Ashby source over one reader (one API key). The reader keeps its caches for as long as the
 * instance lives, so main/ keeps one instance per key and warm caches survive from one job to the next.
 */
export function ashbySource(reader: AshbyReader, openings: AshbyOpenings): AshbySource {
  return {
    fetchHire: async (applicationId) => {
      const result = await fetchHireIfHired(reader, { applicationId });
      return result.kind === 'hired'
        ? { kind: 'hired', bundle: result.hire.bundle, definitions: result.hire.definitions }
        : { kind: 'not_hired', applicationStatus: result.applicationStatus };
    },
    listHiredApplications: async ({ cursor, createdAfter }) => {
      const page = await reader.client.applicationList({
        status: 'Hired',
        limit: 100,
        ...(cursor === null ? {} : { cursor }),
        ...(createdAfter === null ? {} : { createdAfter }),
      });
      return {
        applicationIds: page.results.map((a) => a.id),
        nextCursor: page.moreDataAvailable ? page.nextCursor : null,
      };
    },
    applicationChanges: async ({ syncToken, cursor }) => {
      try {
        // The token goes with every page, the cursor from the second on ("send it and paginate with cursors").
        const page = await reader.client.applicationList({
          limit: 100,
          ...(syncToken === null ? {} : { syncToken }),
          ...(cursor === null ? {} : { cursor }),
        });
        return {
          kind: 'page',
          applications: page.results.map((a) => ({
            id: a.id,
            status: a.status,
            updatedAt: epochMs(a.updatedAt),
          })),
          nextCursor: page.moreDataAvailable ? page.nextCursor : null,
          syncToken: page.syncToken,
        };
      } catch (err) {
        if (syncToken !== null && isSyncTokenRefusal(err)) return { kind: 'sync_token_expired' };
        throw err;
      }
    },
    customFieldDefinitions: async (options = {}) => {
      // The reader clears its caches together; departments and users are cheap to read again.
      if (options.fresh === true) reader.clear();
      return (await reader.customFieldDefinitions()).map(toCoreDefinition);
    },
    checkPermissions: async () => {
      const report = await probePermissions(reader.client);
      return {
        required: report.required.map((p) => ({ name: p.name, granted: p.granted, purpose: p.neededFor })),
        optional: report.optional.map((p) => ({ name: p.name, granted: p.granted, purpose: p.enables })),
      };
    },
    createWebhook: async (input) => {
      const created = await reader.client.webhookCreate(input);
      return { id: created.id, enabled: created.enabled };
    },
    fileUrl: (fileHandle) => reader.client.fileInfo(fileHandle),
    openings,
  };
}
