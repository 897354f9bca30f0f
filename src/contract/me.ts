import { z } from 'zod';

/** The caller: an API token (`kind: 'token'`) or a signed-in user (`kind: 'user'`, their user id). */
export const meResponseSchema = z.object({
  kind: z.enum(['token', 'user']),
  id: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'inbox', 'viewer']),
});
