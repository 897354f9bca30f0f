import type { PermissionReport } from '../ports/ashby-gateway.js';

export interface AshbyWebhookRecord {
  readonly webhookType: string;
  /** Ashby's webhook id, or null when creating it failed (then `error` says why). */
  readonly id: string | null;
  readonly enabled: boolean;
  readonly error: string | null;
}

/** A connected Ashby account, as HireBridge shows it. Its API key and Secret Token are never part of it. */
export interface AshbyConnection {
  readonly id: string;
  readonly name: string;
  readonly apiUrl: string;
  readonly permissions: PermissionReport;
  readonly ashbyWebhooks: readonly AshbyWebhookRecord[];
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly lastPingAt: number | null;
  readonly lastDeliveryAt: number | null;
}

export const DEFAULT_ASHBY_API_URL = 'https://api.ashbyhq.com';

/** Where Ashby must send this connection's webhooks. */
export function webhookUrlFor(publicUrl: string, connectionId: string): string {
  return `${publicUrl}/webhooks/ashby/${connectionId}`;
}
