import { csvText } from '../core/csv/csv-text.js';
import type { DeliveryView } from '../core/model/delivery.js';
import type { DeliveryLog } from '../core/ports/delivery-log.js';
import { dayWindow, readLogPage, readWholeLog } from './log-window.js';

export interface DeliveryQuery {
  readonly connectionId?: string;
  readonly action?: string;
  readonly status?: DeliveryView['status'];
  /** Days, YYYY-MM-DD, both included (UTC). */
  readonly from?: string;
  readonly to?: string;
}

/** A delivery with the new hire its application became, when there is one. */
export interface DeliveryLine extends DeliveryView {
  readonly newHire: { readonly id: string; readonly name: string | null } | null;
}

/** The most deliveries one export holds; narrow the dates for more. */
const EXPORT_LIMIT = 100_000;

type Deps = { readonly deliveries: DeliveryLog };

async function withHires(deps: Deps, views: readonly DeliveryView[]): Promise<DeliveryLine[]> {
  const applications = views.flatMap((d) =>
    d.applicationId === null ? [] : [{ connectionId: d.connectionId, applicationId: d.applicationId }],
  );
  const hires = await deps.deliveries.hiresOf(applications);
  const byApplication = new Map(hires.map((h) => [`${h.connectionId}\n${h.applicationId}`, h]));
  return views.map((d) => {
    const hire =
      d.applicationId === null ? undefined : byApplication.get(`${d.connectionId}\n${d.applicationId}`);
    return { ...d, newHire: hire ? { id: hire.newHireId, name: hire.name } : null };
  });
}

function reader(deps: Deps, query: DeliveryQuery) {
  const filter = {
    ...(query.connectionId ? { connectionId: query.connectionId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...dayWindow(query),
  };
  return async (window: { limit: number; after?: { at: number; id: string } }) =>
    withHires(deps, await deps.deliveries.list({ ...filter, ...window }));
}

const positionOf = (d: DeliveryView) => ({ at: d.receivedAt, id: d.id });

/** The Delivery log page: filtered, newest first, a page at a time (`cursor` from the previous page). */
export function readDeliveryLog(
  deps: Deps,
  query: DeliveryQuery & { readonly limit: number; readonly cursor?: string },
): Promise<{ items: DeliveryLine[]; nextCursor: string | null }> {
  return readLogPage(query.limit, query.cursor, reader(deps, query), positionOf);
}

/** The filtered delivery log as CSV for a spreadsheet (formula-like cells neutralised, core/csv). */
export async function exportDeliveriesCsv(deps: Deps, query: DeliveryQuery): Promise<string> {
  const lines = await readWholeLog(EXPORT_LIMIT, reader(deps, query), positionOf);
  const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  return csvText(
    [
      'receivedAt',
      'connectionId',
      'action',
      'webhookActionId',
      'applicationId',
      'newHireId',
      'newHireName',
      'status',
      'outcome',
      'processedAt',
    ],
    lines.map((d) => [
      iso(d.receivedAt),
      d.connectionId,
      d.action,
      d.actionKey,
      d.applicationId,
      d.newHire?.id,
      d.newHire?.name,
      d.status,
      d.outcome,
      iso(d.processedAt),
    ]),
  );
}
