import type { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';

/**
 * Checks a remote answer against its wire schema. A mismatch is permanent (retrying gets the same
 * shape) and names the endpoint and where the shape broke: key paths only, since values are personal data.
 */
export function parseWire<S extends z.ZodType>(schema: S, value: unknown, endpoint: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const paths = parsed.error.issues.slice(0, 5).map((issue) => issue.path.map(String).join('.'));
  throw new AppError('upstream_permanent', `${endpoint}: response does not match the expected shape`, {
    details: { endpoint, reason: 'unexpected_shape', paths },
  });
}
