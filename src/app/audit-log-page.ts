import { csvText } from '../core/csv/csv-text.js';
import type { AuditEntry } from '../core/model/member.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import { dayWindow, readLogPage, readWholeLog } from './log-window.js';

export interface AuditQuery {
  readonly action?: string;
  readonly actor?: string;
  /** Days, YYYY-MM-DD, both included (UTC). */
  readonly from?: string;
  readonly to?: string;
}

/** An audit entry with what it points at, named as it is now, and where the admin app shows it. */
export interface AuditLine extends AuditEntry {
  readonly targetName: string | null;
  readonly targetLink: string | null;
}

/** The most entries one export holds; narrow the dates for more. */
const EXPORT_LIMIT = 100_000;

/** The admin app's page for each kind of target (a person's own page where there is one). */
const LINKS: Readonly<Record<string, (id: string) => string>> = {
  new_hire: (id) => `/new-hires/${encodeURIComponent(id)}`,
  member: (id) => `/members/${encodeURIComponent(id)}`,
  directory: () => '/members',
  user: () => '/users',
  api_token: () => '/users',
  connection: () => '/integrations',
  destination: () => '/destinations',
  position: () => '/positions',
  delivery: () => '/deliveries',
};

type Deps = { readonly inbox: InboxStore };

/** Names the targets of a page of entries with one read (core/ports/audit-log.ts). */
async function withTargets(deps: Deps, entries: readonly AuditEntry[]): Promise<AuditLine[]> {
  const names = await deps.inbox.read((data) => data.auditTargetNames(entries));
  const nameOf = new Map(names.map((n) => [`${n.targetType}\n${n.targetId}`, n.name]));
  return entries.map((e) => ({
    ...e,
    targetName: nameOf.get(`${e.targetType}\n${e.targetId}`) ?? null,
    targetLink: LINKS[e.targetType]?.(e.targetId) ?? null,
  }));
}

function reader(deps: Deps, query: AuditQuery) {
  const filter = {
    ...(query.action ? { action: query.action } : {}),
    ...(query.actor ? { actor: query.actor } : {}),
    ...dayWindow(query),
  };
  return async (window: { limit: number; after?: { at: number; id: string } }) =>
    withTargets(deps, await deps.inbox.read((data) => data.listAudit({ ...filter, ...window })));
}

/** The Audit log page: filtered, newest first, a page at a time (`cursor` from the previous page). */
export function readAuditLog(
  deps: Deps,
  query: AuditQuery & { readonly limit: number; readonly cursor?: string },
): Promise<{ items: AuditLine[]; nextCursor: string | null }> {
  return readLogPage(query.limit, query.cursor, reader(deps, query), (e) => e);
}

/** The filtered audit log as CSV for a spreadsheet (formula-like cells neutralised, core/csv). */
export async function exportAuditCsv(deps: Deps, query: AuditQuery): Promise<string> {
  const lines = await readWholeLog(EXPORT_LIMIT, reader(deps, query), (e) => e);
  return csvText(
    ['at', 'actor', 'action', 'targetType', 'targetId', 'targetName', 'details'],
    lines.map((e) => [
      new Date(e.at).toISOString(),
      e.actor,
      e.action,
      e.targetType,
      e.targetId,
      e.targetName,
      Object.keys(e.details).length === 0 ? '' : e.details,
    ]),
  );
}
