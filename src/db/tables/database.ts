import type { ApiTokenTable } from './api-token.table.js';
import type { JobTable } from './job.table.js';

/** Every table HireBridge owns. One set serves SQLite and PostgreSQL. */
export interface Database {
  jobs: JobTable;
  api_tokens: ApiTokenTable;
}
