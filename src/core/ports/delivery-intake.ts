export interface NewDelivery {
  readonly id: string;
  readonly connectionId: string;
  /** webhookActionId, or `sha256:<body hash>` when the delivery has none. */
  readonly actionKey: string;
  readonly action: string;
  readonly bodySha256: string;
  readonly applicationId: string | null;
  /** Why nothing will be done with it, when nothing will. */
  readonly ignoredBecause: string | null;
  readonly receivedAt: number;
}

/**
 * Stores a delivery and, when it names an application to import, enqueues that import, in one
 * transaction: both or neither. A repeated (connection, actionKey, action) is stored once.
 */
export interface DeliveryIntake {
  record(delivery: NewDelivery, importApplication: boolean): Promise<{ duplicate: boolean }>;
}
