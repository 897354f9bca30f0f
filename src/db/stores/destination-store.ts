import type { Kysely } from 'kysely';
import type { DestinationStore, PushData } from '../../core/ports/destination-store.js';
import type { SecretBox } from '../../core/ports/secret-box.js';
import {
  deleteDestinationRow,
  findDestinationRow,
  insertDestinationRow,
  listDestinationRows,
  pauseDestinationUntil,
  takeDestinationSlot,
  updateDestinationRow,
} from '../repositories/destination.repository.js';
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
} from '../repositories/push.repository.js';
import {
  destinationColumns,
  destinationRow,
  pushColumns,
  toDestination,
  toPush,
} from '../tables/destination.codec.js';
import type { Database } from '../tables/database.js';

/** Seal context: the ciphertext opens only as this destination's credentials. */
const credentialsContext = (id: string) => `destinations.credentials:${id}`;

/** The pushes of Add member and of an accepted Ashby change, over the inbox transaction's handle. */
export function pushData(db: Kysely<Database>, ids: { newId(): string }): PushData {
  return {
    destinations: async (only) => (await listDestinationRows(db, only)).map(toDestination),
    markPending: async (memberId, destinationIds, at) => {
      for (const destinationId of destinationIds)
        await upsertPendingPush(
          db,
          { id: ids.newId(), member_id: memberId, destination_id: destinationId },
          at,
        );
    },
    destinationsWithPerson: (memberId) => destinationIdsWithPerson(db, memberId),
  };
}

/** Destinations (credentials sealed) and pushes over one handle: the database or a transaction. */
export function destinationStore(
  db: Kysely<Database>,
  box: SecretBox,
  ids: { newId(): string },
): DestinationStore {
  const seal = (id: string, credentials: Readonly<Record<string, unknown>>) =>
    box.seal(JSON.stringify(credentials), credentialsContext(id));
  return {
    ...pushData(db, ids),
    list: async () => (await listDestinationRows(db)).map(toDestination),
    find: async (id) => {
      const row = await findDestinationRow(db, id);
      return row && toDestination(row);
    },
    open: async (id) => {
      const row = await findDestinationRow(db, id);
      if (!row) return undefined;
      const opened = box.open(row.credentials_sealed, credentialsContext(id));
      return { ...toDestination(row), credentials: JSON.parse(opened) as Record<string, unknown> };
    },
    insert: (d, credentials) => insertDestinationRow(db, destinationRow(d, seal(d.id, credentials))),
    update: (id, change, at) =>
      updateDestinationRow(db, id, {
        ...destinationColumns(change),
        ...(change.credentials === undefined ? {} : { credentials_sealed: seal(id, change.credentials) }),
        updated_at: at,
      }),
    // Called inside the admin's transaction, so the pushes and the destination go together.
    remove: async (id) => {
      await deletePushRowsOfDestination(db, id);
      return deleteDestinationRow(db, id);
    },
    findPush: async (memberId, destinationId) => {
      const row = await findPushRow(db, memberId, destinationId);
      return row && toPush(row);
    },
    listPushes: async (filter) => (await listPushRows(db, filter)).map(toPush),
    updatePush: (id, revision, change, at) =>
      updatePushRow(db, id, revision, { ...pushColumns(change), updated_at: at }),
    lockPush: (id, now, untilMs) => lockPushRow(db, id, now, untilMs),
    unlockPush: (id) => unlockPushRow(db, id),
    recordRemoteId: (id, remoteId, at) => setPushRemoteId(db, id, remoteId, at),
    setPending: async (filter, at) =>
      (await setPushPending(db, filter, at)).map((r) => ({
        memberId: r.member_id,
        destinationId: r.destination_id,
      })),
    takeSlot: async (id, now, limit) => {
      const result = await takeDestinationSlot(db, id, now, limit);
      if (!result || result.ok) return { ok: true };
      return { ok: false, untilMs: Math.max(result.rateNextAt, result.pausedUntil, now + 1) };
    },
    pauseUntil: (id, untilMs) => pauseDestinationUntil(db, id, untilMs),
  };
}
