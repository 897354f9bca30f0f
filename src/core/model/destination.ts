/** A configured destination: an HR system (or the signed webhook) added members are pushed to. */
export type DestinationStatus = 'ok' | 'credentials_refused';

export interface Destination {
  readonly id: string;
  /** The connector type (`webhook`, `hibob`...), one of the registry's destination definitions. */
  readonly type: string;
  readonly name: string;
  readonly baseUrl: string | null;
  readonly enabled: boolean;
  /** `credentials_refused` after a 401/403: pushes pause until a test passes or the admin edits it. */
  readonly status: DestinationStatus;
  /** What the system said when it refused (status and message), for the admin. */
  readonly statusMessage: string | null;
  /**
   * The connector's settings as the admin saved them (field mapping, HiBob's default site...); `{}` means
   * the connector's defaults. No secret is kept here: credentials are sealed apart.
   */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type PushStatus = 'pending' | 'delivered' | 'failed' | 'paused';

/** One member's delivery to one destination (unique per pair). */
export interface Push {
  readonly id: string;
  readonly memberId: string;
  readonly destinationId: string;
  readonly destinationType: string;
  readonly status: PushStatus;
  /** The person's id in the destination, once created or found. */
  readonly remoteId: string | null;
  /** Bumped by each change to push; with `id` it keys the event (stable across retries of one change). */
  readonly revision: number;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly warnings: readonly string[];
  readonly deliveredAt: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}
