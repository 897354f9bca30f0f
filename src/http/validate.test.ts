import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAppError } from '../core/errors/app-error.js';
import { parseInput, zodValidatorCompiler } from './validate.js';

/** NUL cannot be stored in PostgreSQL text; the hostile-input chaos scenario turned it into a 500 there. */
describe('parseInput and NUL characters', () => {
  const failure = (run: () => unknown) => {
    try {
      run();
    } catch (err) {
      return err;
    }
    throw new Error('expected a failure');
  };

  it('refuses a NUL anywhere in parsed input, naming where', () => {
    const params = z.object({ id: z.string() });
    const err = failure(() => parseInput(params, { id: 'a\u0000b' }, 'params'));
    expect(isAppError(err) && err.code).toBe('validation_failed');
    expect((err as Error).message).toBe('Invalid params: id: must not contain NUL characters');
    const body = z.object({ fields: z.record(z.string(), z.unknown()) });
    expect(
      (failure(() => parseInput(body, { fields: { x: [1, { y: '\u0000' }] } }, 'body')) as Error).message,
    ).toMatch(/fields\.x\.1\.y/);
    expect((failure(() => parseInput(body, { fields: { 'k\u0000': 1 } }, 'body')) as Error).message).toMatch(
      /NUL/,
    );
  });

  it('walks deep input without recursion and passes clean input through', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i += 1) deep = { d: deep };
    expect(parseInput(z.unknown(), deep, 'body')).toBe(deep);
    expect(parseInput(z.object({ q: z.string() }), { q: 'plain' }, 'query')).toEqual({ q: 'plain' });
  });
});

describe('zodValidatorCompiler (the schemas routes declare)', () => {
  it('answers with the same error as parseInput, naming the query as the user wrote it', () => {
    const schema = z.object({ limit: z.coerce.number().int().min(1) });
    const validate = zodValidatorCompiler({ schema, httpPart: 'querystring', method: 'GET', url: '/x' });
    const result = validate({ limit: '0' }) as { error?: unknown; value?: unknown };
    expect(isAppError(result.error) && result.error.code).toBe('validation_failed');
    expect((result.error as Error).message).toMatch(/^Invalid query: limit: /);
    expect(validate({ limit: '5' })).toEqual({ value: { limit: 5 } });
  });

  it('reads an absent body as {} and refuses NUL like parseInput', () => {
    const schema = z.object({ name: z.string().optional() });
    const validate = zodValidatorCompiler({ schema, httpPart: 'body', method: 'POST', url: '/x' });
    expect(validate(undefined)).toEqual({ value: {} });
    const refused = validate({ name: 'a\u0000' }) as { error?: Error };
    expect(refused.error?.message).toBe('Invalid body: name: must not contain NUL characters');
  });
});
