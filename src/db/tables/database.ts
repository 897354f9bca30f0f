import type { ApiTokenTable } from './api-token.table.js';
import type { AshbyConnectionTable } from './ashby-connection.table.js';
import type { JobTable } from './job.table.js';
import type { NewHireTable } from './new-hire.table.js';
import type { WebhookDeliveryTable } from './webhook-delivery.table.js';

/** Every table HireBridge owns. One set serves SQLite and PostgreSQL. */
export interface Database {
  jobs: JobTable;
  api_tokens: ApiTokenTable;
  ashby_connections: AshbyConnectionTable;
  webhook_deliveries: WebhookDeliveryTable;
  new_hires: NewHireTable;
}
