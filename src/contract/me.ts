import { z } from 'zod';

export const meResponseSchema = z.object({
  kind: z.literal('token'),
  id: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'inbox']),
});
