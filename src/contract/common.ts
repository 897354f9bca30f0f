import { z } from 'zod';

/** Pieces many routes share. */

/** `:id` in a path. */
export const idParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** The body of a change that takes none: nothing, or `{}` (other keys are ignored). */
export const emptyBodySchema = z.object({}).describe('No body: send none, or {}');

/** A 204 answer: no body. */
export const noContentSchema = z.undefined().describe('No content');

/** `{ items: [...] }`, the shape of every list answer. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A CSV file download (text/csv), documented as such; the body is a string, not JSON. */
export const csvResponseSchema = {
  description: 'A CSV file (text/csv; charset=utf-8), as an attachment',
  content: { 'text/csv': { schema: z.string() } },
};

/** A stored file streamed as it is (its own content type), as an attachment. */
export const fileResponseSchema = {
  description: 'The file, with its own Content-Type, as an attachment',
  content: { 'application/octet-stream': { schema: z.string().describe('The file bytes') } },
};
