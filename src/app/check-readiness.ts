import type { DatabaseHealth } from '../core/ports/database-health.js';

export interface Readiness {
  readonly ready: boolean;
  readonly database: 'ok' | 'unreachable';
  readonly pendingMigrations: readonly string[];
}

/** Ready means: the database answers and every migration is applied. */
export async function checkReadiness(deps: { readonly database: DatabaseHealth }): Promise<Readiness> {
  try {
    await deps.database.ping();
  } catch {
    return { ready: false, database: 'unreachable', pendingMigrations: [] };
  }
  const pending = await deps.database.pendingMigrations();
  return { ready: pending.length === 0, database: 'ok', pendingMigrations: pending };
}
