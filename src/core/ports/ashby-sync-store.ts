/** Where the periodic reconciliation of one connection left off. */
export interface AshbySyncState {
  /** Ashby's application.list syncToken from the last completed sync, or null (then: a full sync). */
  readonly syncToken: string | null;
  /** When the last completed sync began (epoch ms), or null before the first. */
  readonly syncedAt: number | null;
  /** When the connection was made: the first full sync looks for hires changed since then. */
  readonly connectedAt: number;
}

export interface AshbySyncStore {
  /** The connection's sync state, or undefined when the connection no longer exists. */
  load(connectionId: string): Promise<AshbySyncState | undefined>;
  save(connectionId: string, state: { syncToken: string | null; syncedAt: number }): Promise<void>;
}

/** Queues a connection's next reconciliation (one waiting run per connection; an earlier one wins). */
export interface ReconcileSchedule {
  schedule(connectionId: string, runAt: number): Promise<void>;
}
