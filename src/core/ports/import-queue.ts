/** Queues imports of applications (the same job the webhooks use, unique per application). */
export interface ImportQueue {
  /** Returns how many were newly queued (the rest already waited). */
  enqueueImports(connectionId: string, applicationIds: readonly string[]): Promise<number>;
  /** How many imports of this connection are waiting or running. */
  pendingImports(connectionId: string): Promise<number>;
}
