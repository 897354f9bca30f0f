import { z } from 'zod';

/** Every error answer of the HTTP API has this shape. */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  // One component in the OpenAPI document, referenced by every operation's 4XX and 5XX.
  .meta({ id: 'Error', description: 'Every error answer: a code from one closed set and a message' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
