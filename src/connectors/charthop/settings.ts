import { z } from 'zod';
import { CHARTHOP_FIELD_PRESET, charthopFieldRuleSchema } from './field-mapping.js';

/** What an admin can set on a ChartHop destination besides the token: the field mapping. `{}` works. */
export const charthopSettingsSchema = z.object({
  mapping: z.array(charthopFieldRuleSchema).default([...CHARTHOP_FIELD_PRESET]),
});
export type CharthopSettings = z.infer<typeof charthopSettingsSchema>;
