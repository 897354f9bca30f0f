/** How a bulk import (backfill) differs from a webhook's. */
export interface ImportOptions {
  /** No alert of its own: the backfill's one digest announces the hires it brought. */
  readonly quiet?: boolean | undefined;
  /** YYYY-MM-DD: a hire whose start date is before this day is skipped (hires without one are kept). */
  readonly startsOnOrAfter?: string | undefined;
}

/** Queues imports of applications (the same job the webhooks use, unique per application). */
export interface ImportQueue {
  /** Returns how many were newly queued (the rest already waited). */
  enqueueImports(
    connectionId: string,
    applicationIds: readonly string[],
    options?: ImportOptions,
  ): Promise<number>;
  /** How many imports of this connection are waiting or running. */
  pendingImports(connectionId: string): Promise<number>;
  /** Queues the one digest of a backfill that started at `since`; it waits for the imports to finish. */
  enqueueBackfillDigest(connectionId: string, since: number): Promise<void>;
}
