import type { Kysely } from 'kysely';
import type { Destination, Push, PushStatus } from '../../core/model/destination.js';
import type { Clock } from '../../core/ports/clock.js';
import type { DestinationStore, PushData } from '../../core/ports/destination-store.js';
import type { IdGenerator } from '../../core/ports/id-generator.js';
import {
  deleteDestinationRow,
  findDestinationRow,
  insertDestinationRow,
  listDestinationRows,
  pauseDestinationUntil,
  takeDestinationSlot,
  updateDestinationRow,
} from '../../db/repositories/destination.repository.js';
import {
  deletePushRowsOfDestination,
  destinationIdsWithPerson,
  findPushRow,
  listPushRows,
  lockPushRow,
  setPushPending,
  setPushRemoteId,
  unlockPushRow,
  updatePushRow,
  upsertPendingPush,
  type PushWithType,
} from '../../db/repositories/push.repository.js';
import type { Database } from '../../db/tables/database.js';
import type { DestinationRow } from '../../db/tables/destination.table.js';
import { pushMemberJob, pushUniqueKey } from '../../jobs/push-member.job.js';
import { enqueue } from '../../queue/enqueue.js';
import type { SecretBox } from '../../security/secret-box.js';

/** Seal context: the ciphertext opens only as this destination's credentials. */
const credentialsContext = (id: string) => `destinations.credentials:${id}`;

type Queue = { readonly clock: Clock; readonly ids: IdGenerator; readonly wake: () => void };

function toDestination(row: DestinationRow): Destination {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    baseUrl: row.base_url,
    enabled: Number(row.enabled) === 1,
    status: row.status === 'credentials_refused' ? 'credentials_refused' : 'ok',
    statusMessage: row.status_message,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toPush(row: PushWithType): Push {
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

async function queueJob(db: Kysely<Database>, queue: Queue, memberId: string, destinationId: string) {
  await enqueue(
    db,
    queue,
    pushMemberJob,
    { memberId, destinationId },
    { uniqueKey: pushUniqueKey(memberId, destinationId) },
  );
}

/** The in-transaction push operations of Add member and of accepting an Ashby change (InboxData.pushes). */
export function pushData(db: Kysely<Database>, queue: Queue): PushData {
  return {
    destinations: async (ids) => (await listDestinationRows(db, ids)).map(toDestination),
    queuePushes: async (memberId, destinationIds, at) => {
      for (const destinationId of destinationIds) {
        await upsertPendingPush(
          db,
          { id: queue.ids.newId(), member_id: memberId, destination_id: destinationId },
          at,
        );
        await queueJob(db, queue, memberId, destinationId);
      }
    },
    destinationsWithPerson: (memberId) => destinationIdsWithPerson(db, memberId),
  };
}

export function destinationStore(db: Kysely<Database>, box: SecretBox, queue: Queue): DestinationStore {
  const requeue = async (memberId: string, destinationId: string) => {
    await queueJob(db, queue, memberId, destinationId);
    queue.wake();
  };
  return {
    list: async () => (await listDestinationRows(db)).map(toDestination),
    find: async (id) => {
      const row = await findDestinationRow(db, id);
      return row && toDestination(row);
    },
    open: async (id) => {
      const row = await findDestinationRow(db, id);
      if (!row) return undefined;
      const credentials = JSON.parse(box.open(row.credentials_sealed, credentialsContext(id))) as Record<
        string,
        unknown
      >;
      return { ...toDestination(row), credentials };
    },
    insert: (d, credentials) =>
      insertDestinationRow(db, {
        id: d.id,
        type: d.type,
        name: d.name,
        base_url: d.baseUrl,
        credentials_sealed: box.seal(JSON.stringify(credentials), credentialsContext(d.id)),
        enabled: d.enabled ? 1 : 0,
        status: d.status,
        status_message: d.statusMessage,
        rate_next_at: 0,
        paused_until: 0,
        created_at: d.createdAt,
        updated_at: d.updatedAt,
      }),
    update: (id, c, at) =>
      updateDestinationRow(db, id, {
        updated_at: at,
        ...(c.name === undefined ? {} : { name: c.name }),
        ...(c.baseUrl === undefined ? {} : { base_url: c.baseUrl }),
        ...(c.enabled === undefined ? {} : { enabled: c.enabled ? 1 : 0 }),
        ...(c.status === undefined ? {} : { status: c.status }),
        ...(c.statusMessage === undefined ? {} : { status_message: c.statusMessage }),
        ...(c.credentials === undefined
          ? {}
          : { credentials_sealed: box.seal(JSON.stringify(c.credentials), credentialsContext(id)) }),
      }),
    remove: (id) =>
      db.transaction().execute(async (tx) => {
        await deletePushRowsOfDestination(tx, id);
        return deleteDestinationRow(tx, id);
      }),
    findPush: async (memberId, destinationId) => {
      const row = await findPushRow(db, memberId, destinationId);
      return row && toPush(row);
    },
    listPushes: async (filter) => (await listPushRows(db, filter)).map(toPush),
    updatePush: (id, revision, c, at) =>
      updatePushRow(db, id, revision, {
        status: c.status,
        updated_at: at,
        ...(c.remoteId === undefined ? {} : { remote_id: c.remoteId }),
        ...(c.attempts === undefined ? {} : { attempts: c.attempts }),
        ...(c.lastError === undefined ? {} : { last_error: c.lastError?.slice(0, 1000) ?? null }),
        ...(c.warnings === undefined ? {} : { warnings: JSON.stringify(c.warnings) }),
        ...(c.deliveredAt === undefined ? {} : { delivered_at: c.deliveredAt }),
      }),
    lockPush: (id, now, untilMs) => lockPushRow(db, id, now, untilMs),
    unlockPush: (id) => unlockPushRow(db, id),
    recordRemoteId: (id, remoteId, at) => setPushRemoteId(db, id, remoteId, at),
    requeuePush: async (memberId, destinationId, at) => {
      const rows = await setPushPending(
        db,
        { memberId, destinationId, fromStatus: ['pending', 'failed', 'paused', 'delivered'] },
        at,
      );
      if (rows.length === 0) return false;
      await requeue(memberId, destinationId);
      return true;
    },
    resumePaused: async (destinationId, at) => {
      const rows = await setPushPending(db, { destinationId, fromStatus: ['paused'] }, at);
      for (const row of rows) await queueJob(db, queue, row.member_id, row.destination_id);
      if (rows.length > 0) queue.wake();
      return rows.length;
    },
    takeSlot: async (id, now, limit) => {
      const result = await takeDestinationSlot(db, id, now, limit);
      if (!result || result.ok) return { ok: true };
      return { ok: false, untilMs: Math.max(result.rateNextAt, result.pausedUntil, now + 1) };
    },
    pauseUntil: (id, untilMs) => pauseDestinationUntil(db, id, untilMs),
  };
}
