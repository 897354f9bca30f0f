import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/**
 * Kysely's SQLite driver opens transactions with a plain (deferred) BEGIN. A deferred transaction that
 * reads and then writes cannot upgrade its lock when another process wrote in between, and SQLite then
 * answers SQLITE_BUSY at once, ignoring busy_timeout. BEGIN IMMEDIATE takes the write lock up front
 * and waits for it under busy_timeout instead, so several HireBridge processes can share one file.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
