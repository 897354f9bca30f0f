import { ApiError } from '../../api/client';

/** The per-field problems of a 422 invalid_fields answer ({problems: [{field, message}]}), by key. */
export function fieldProblemsOf(error: unknown): Map<string, string> {
  const problems = new Map<string, string>();
  if (!(error instanceof ApiError) || error.code !== 'invalid_fields') return problems;
  const list = error.details?.['problems'];
  if (!Array.isArray(list)) return problems;
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { field, message } = item as { field?: unknown; message?: unknown };
    if (typeof field === 'string' && typeof message === 'string') problems.set(field, message);
  }
  return problems;
}
