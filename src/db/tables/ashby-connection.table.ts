import type { Selectable } from 'kysely';

export interface AshbyConnectionTable {
  id: string;
  name: string;
  api_url: string;
  /** The Ashby API key, sealed by the secret box (context: ashby_connections.api_key:<id>). */
  api_key_sealed: string;
  /** The webhook Secret Token, sealed (context: ashby_connections.webhook_secret:<id>). */
  webhook_secret_sealed: string;
  /** JSON: the permission report from the last connect or reconnect. */
  permissions: string;
  /** JSON: webhooks HireBridge created in Ashby ({type, id, enabled}[]). */
  ashby_webhooks: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  last_ping_at: number | null;
  last_delivery_at: number | null;
}

export type AshbyConnectionRow = Selectable<AshbyConnectionTable>;
