import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

type Config = ConstructorParameters<typeof SqliteDialect>[0];

/** Wraps the driver's one connection (sqlite-wal-sync.ts: the WAL sync after each commit). */
export type WrapConnection = (connection: DatabaseConnection) => DatabaseConnection;

/**
 * Kysely's SQLite driver opens transactions with a plain (deferred) BEGIN. A deferred transaction that
 * reads and then writes cannot upgrade its lock when another process wrote in between, and SQLite then
 * answers SQLITE_BUSY at once, ignoring busy_timeout. BEGIN IMMEDIATE takes the write lock up front
 * and waits for it under busy_timeout instead, so several HireBridge processes can share one file.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #wrap: WrapConnection | undefined;
  #wrapped: { inner: DatabaseConnection; outer: DatabaseConnection } | undefined;
  constructor(config: Config, wrap: WrapConnection | undefined) {
    super(config);
    this.#wrap = wrap;
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    if (this.#wrap === undefined) return inner;
    if (this.#wrapped?.inner !== inner) this.#wrapped = { inner, outer: this.#wrap(inner) };
    return this.#wrapped.outer;
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: Config;
  readonly #wrap: WrapConnection | undefined;
  constructor(config: Config, wrap?: WrapConnection) {
    super(config);
    this.#config = config;
    this.#wrap = wrap;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#wrap);
  }
}
