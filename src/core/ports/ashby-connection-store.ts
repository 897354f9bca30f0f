import type { AshbyConnection, AshbyWebhookRecord } from '../model/ashby-connection.js';
import type { PermissionReport } from './ashby-gateway.js';

/** Connections at rest. Implementations seal the API key and Secret Token before storing them. */
export interface AshbyConnectionStore {
  insert(connection: AshbyConnection, secrets: { apiKey: string; webhookSecret: string }): Promise<void>;
  find(id: string): Promise<AshbyConnection | undefined>;
  list(): Promise<AshbyConnection[]>;
  replaceApiKey(id: string, apiKey: string, permissions: PermissionReport, at: number): Promise<void>;
  setWebhooks(id: string, webhooks: readonly AshbyWebhookRecord[], at: number): Promise<void>;
}
