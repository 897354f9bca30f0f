export interface DatabaseHealth {
  /** Resolves when a trivial query succeeds. */
  ping(): Promise<void>;
  /** Names of migrations not yet applied. */
  pendingMigrations(): Promise<string[]>;
}
