import type { Destination, Push, PushStatus } from '../../core/model/destination.js';
import type { DestinationChange, PushChange } from '../../core/ports/destination-store.js';
import type { DestinationRow, DestinationTable, PushRow, PushTable } from './destination.table.js';

/** The one row codec of `destinations` and `pushes`: every column is named here and nowhere else. */
export function toDestination(row: DestinationRow): Destination {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    baseUrl: row.base_url,
    enabled: Number(row.enabled) === 1,
    status: row.status === 'credentials_refused' ? 'credentials_refused' : 'ok',
    statusMessage: row.status_message,
    settings: parseSettings(row.settings),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** The stored settings object; a row written before settings existed reads as `{}` (the defaults). */
function parseSettings(text: string | null | undefined): Readonly<Record<string, unknown>> {
  const value: unknown = text ? JSON.parse(text) : {};
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A new destination's row; the credentials arrive already sealed. */
export function destinationRow(d: Destination, credentialsSealed: string): DestinationTable {
  return {
    id: d.id,
    type: d.type,
    name: d.name,
    base_url: d.baseUrl,
    credentials_sealed: credentialsSealed,
    enabled: d.enabled ? 1 : 0,
    status: d.status,
    status_message: d.statusMessage,
    settings: JSON.stringify(d.settings),
    rate_next_at: 0,
    paused_until: 0,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
  };
}

/** The columns of the changes given (undefined = leave alone); credentials are sealed by the store. */
export function destinationColumns(c: Omit<DestinationChange, 'credentials'>): Partial<DestinationTable> {
  return {
    ...(c.name === undefined ? {} : { name: c.name }),
    ...(c.baseUrl === undefined ? {} : { base_url: c.baseUrl }),
    ...(c.enabled === undefined ? {} : { enabled: c.enabled ? 1 : 0 }),
    ...(c.status === undefined ? {} : { status: c.status }),
    ...(c.statusMessage === undefined ? {} : { status_message: c.statusMessage }),
    ...(c.settings === undefined ? {} : { settings: JSON.stringify(c.settings) }),
  };
}

export function toPush(row: PushRow & { destination_type: string }): Push {
  return {
    id: row.id,
    memberId: row.member_id,
    destinationId: row.destination_id,
    destinationType: row.destination_type,
    status: row.status as PushStatus,
    remoteId: row.remote_id,
    revision: Number(row.revision),
    attempts: Number(row.attempts),
    lastError: row.last_error,
    warnings: row.warnings ? (JSON.parse(row.warnings) as string[]) : [],
    deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function pushColumns(c: PushChange): Partial<PushTable> {
  return {
    status: c.status,
    ...(c.remoteId === undefined ? {} : { remote_id: c.remoteId }),
    ...(c.attempts === undefined ? {} : { attempts: c.attempts }),
    // The system's message is shown on the member; a long one is cut rather than refused.
    ...(c.lastError === undefined ? {} : { last_error: c.lastError?.slice(0, 1000) ?? null }),
    ...(c.warnings === undefined ? {} : { warnings: JSON.stringify(c.warnings) }),
    ...(c.deliveredAt === undefined ? {} : { delivered_at: c.deliveredAt }),
  };
}
