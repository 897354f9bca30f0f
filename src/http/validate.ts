import type { z } from 'zod';
import { AppError } from '../core/errors/app-error.js';

/** Parses request input with its contract schema; a failure names every bad field. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, where: 'body' | 'query' | 'params'): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || where,
    message: issue.message,
  }));
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw new AppError('validation_failed', `Invalid ${where}: ${summary}`, { details: { problems } });
}
