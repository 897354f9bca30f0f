import type { Selectable } from 'kysely';

export type DeliveryStatus = 'queued' | 'processed' | 'ignored';

/**
 * One received webhook. The body is not kept: the webhook is only a trigger (the import re-reads
 * Ashby), so we store the ids it names and a hash of the bytes, never the personal data it carried.
 */
export interface WebhookDeliveryTable {
  id: string;
  connection_id: string;
  /** Ashby's webhookActionId, or `sha256:<body hash>` when a delivery lacks one. */
  action_key: string;
  action: string;
  body_sha256: string;
  application_id: string | null;
  status: DeliveryStatus;
  /** What processing concluded, e.g. "new hire created", "skipped: application status is Active". */
  outcome: string | null;
  received_at: number;
  processed_at: number | null;
}

export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
