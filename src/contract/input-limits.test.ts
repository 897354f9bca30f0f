import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

/**
 * Every text a person or client can send the API has a length limit, so no request can store (or make
 * the server chew through) an unbounded string. Walks every exported request and query schema of the
 * contract and names each string without a maximum.
 */
const here = new URL('.', import.meta.url);
const modules: Record<string, Record<string, unknown>> = {};
for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')))
  modules[file] = (await import(new URL(file, here).href)) as Record<string, unknown>;

interface Def {
  readonly type: string;
  readonly [key: string]: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function unbounded(schema: unknown, path: string, seen: Set<unknown>): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (child: unknown, at = path) => unbounded(child, at, seen);
  switch (def.type) {
    case 'string':
      return (schema as z.ZodString).maxLength === null ? [path] : [];
    case 'object':
      return Object.entries(def['shape'] as Record<string, unknown>).flatMap(([key, child]) =>
        inner(child, `${path}.${key}`),
      );
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def['innerType']);
    case 'array':
      return inner(def['element'], `${path}[]`);
    case 'record':
      return [...inner(def['keyType'], `${path}{key}`), ...inner(def['valueType'], `${path}{}`)];
    case 'union':
      return (def['options'] as unknown[]).flatMap((o) => inner(o));
    case 'intersection':
      return [...inner(def['left']), ...inner(def['right'])];
    case 'pipe':
      return inner(def['in']);
    default:
      return [];
  }
}

describe('request limits', () => {
  const schemas = Object.entries(modules).flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter(([name]) => /(Request|Query)Schema$/.test(name))
      .map(([name, schema]) => [`${file} ${name}`, schema] as const),
  );

  it('finds the request schemas', () => {
    expect(schemas.length).toBeGreaterThan(30);
  });

  it.each(schemas)('%s bounds every string', (_name, schema) => {
    expect(unbounded(schema, 'body', new Set())).toEqual([]);
  });
});
