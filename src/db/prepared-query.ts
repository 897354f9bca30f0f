import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './tables/database.js';

/** A placeholder no caller can pass by accident: it never reaches the database. */
const MARK = '\u0000prepared-query-parameter:';

type Slot<K> = { readonly key: K } | { readonly value: unknown };

/**
 * A query built and compiled once per dialect, then executed with new parameter values. Kysely builds
 * an operation tree and compiles it to SQL on every execute; on the webhook intake that was about a
 * tenth of the CPU per delivery (bench/), for SQL that never changes. The query is built with marked
 * placeholder strings, and each compiled parameter that is a placeholder is filled from `args` by name.
 *
 * The compilation is cached per dialect adapter, which a Kysely instance shares with its transactions,
 * so the same prepared query runs on the root handle or inside a transaction.
 */
export function preparedQuery<K extends string, R>(
  keys: readonly K[],
  build: (db: Kysely<Database>, p: Readonly<Record<K, never>>) => Compilable<R>,
): (db: Kysely<Database>, args: Readonly<Record<K, unknown>>) => Promise<QueryResult<R>> {
  // Typed `never` so a placeholder fits any column the query puts it in; at run time it is a marked string.
  const placeholders = Object.fromEntries(keys.map((k) => [k, `${MARK}${k}`])) as Record<K, never>;
  const byAdapter = new WeakMap<object, { compiled: CompiledQuery<R>; slots: readonly Slot<K>[] }>();
  const prepare = (db: Kysely<Database>) => {
    const compiled = build(db, placeholders).compile();
    const slots = compiled.parameters.map((value): Slot<K> =>
      typeof value === 'string' && value.startsWith(MARK)
        ? { key: value.slice(MARK.length) as K }
        : { value },
    );
    return { compiled, slots };
  };
  return (db, args) => {
    const adapter = db.getExecutor().adapter;
    let prepared = byAdapter.get(adapter);
    if (prepared === undefined) {
      prepared = prepare(db);
      byAdapter.set(adapter, prepared);
    }
    const parameters = prepared.slots.map((s) => ('key' in s ? args[s.key] : s.value));
    return db.executeQuery<R>({ ...prepared.compiled, parameters });
  };
}
