import type { Destination, Push, PushStatus } from '../model/destination.js';

/** A destination with its credentials opened, for the push machinery and connection tests only. */
export interface OpenedDestination extends Destination {
  readonly credentials: Readonly<Record<string, unknown>>;
}

/** A (member, destination) pair whose push job is to be queued. */
export interface PushPair {
  readonly memberId: string;
  readonly destinationId: string;
}

/**
 * Destinations and pushes inside an inbox transaction (InboxData.pushes). The push jobs are queued by the
 * caller through the same transaction's job queue (app/queue-pushes.ts), so they commit with the member.
 */
export interface PushData {
  /** The destinations with these ids (any order); missing ids are simply absent. */
  destinations(ids?: readonly string[]): Promise<Destination[]>;
  /** Records a pending push for each destination; an existing push gets a new revision (a new change). */
  markPending(memberId: string, destinationIds: readonly string[], at: number): Promise<void>;
  /** The destinations that already have this person (a remote id recorded). */
  destinationsWithPerson(memberId: string): Promise<string[]>;
}

export interface DestinationChange {
  readonly name?: string;
  readonly baseUrl?: string | null;
  readonly enabled?: boolean;
  readonly credentials?: Readonly<Record<string, unknown>>;
  readonly status?: Destination['status'];
  readonly statusMessage?: string | null;
  /** The whole settings object (the caller merged and checked it). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface PushChange {
  readonly status: PushStatus;
  readonly remoteId?: string | null;
  readonly attempts?: number;
  readonly lastError?: string | null;
  readonly warnings?: readonly string[];
  readonly deliveredAt?: number | null;
}

export type SlotResult = { readonly ok: true } | { readonly ok: false; readonly untilMs: number };

/**
 * Destinations and pushes over one handle: the push job uses it on the database, admin actions bound to
 * their transaction (AdminData.destinations), where the jobs they need are queued with the change.
 */
export interface DestinationStore extends PushData {
  list(): Promise<Destination[]>;
  find(id: string): Promise<Destination | undefined>;
  open(id: string): Promise<OpenedDestination | undefined>;
  insert(destination: Destination, credentials: Readonly<Record<string, unknown>>): Promise<void>;
  update(id: string, change: DestinationChange, at: number): Promise<void>;
  /** Removes the destination and its pushes (their jobs find nothing and finish). */
  remove(id: string): Promise<boolean>;

  findPush(memberId: string, destinationId: string): Promise<Push | undefined>;
  listPushes(filter: { memberId?: string; status?: PushStatus; limit: number }): Promise<Push[]>;
  /**
   * Changes a push only while its revision is still `revision`, so an attempt that started before a new
   * change was queued cannot mark the newer change delivered. False when the revision moved on.
   */
  updatePush(id: string, revision: number, change: PushChange, at: number): Promise<boolean>;
  /** Holds the push for one attempt until `untilMs` (one attempt per pair at a time); false when held. */
  lockPush(id: string, now: number, untilMs: number): Promise<boolean>;
  unlockPush(id: string): Promise<void>;
  /** Records the remote person of a push whatever its revision: a created person is never forgotten. */
  recordRemoteId(id: string, remoteId: string, at: number): Promise<void>;
  /**
   * Puts pushes back to pending, keeping their revision (the same change, the same event id): one
   * member's (retry) or all of a destination's in `fromStatus` (resume after a pause). The caller queues
   * the jobs of the pairs returned.
   */
  setPending(
    filter: { memberId?: string; destinationId: string; fromStatus: readonly PushStatus[] },
    at: number,
  ): Promise<PushPair[]>;
  /**
   * The shared per-destination limit (every worker, one database row): a slot now, or when to come
   * back. `intervalMs` between calls on average, `burst` calls at once after a quiet period.
   */
  takeSlot(id: string, now: number, limit: { intervalMs: number; burst: number }): Promise<SlotResult>;
  /** No call to the destination before `untilMs` (a 429's Retry-After); never shortens a pause. */
  pauseUntil(id: string, untilMs: number): Promise<void>;
}
