import { z } from 'zod';
import { PEOPLEFORCE_FIELD_PRESET, peopleforceFieldRuleSchema } from './field-mapping.js';

/** What an admin can set on a PeopleForce destination besides the key: the field mapping. `{}` works. */
export const peopleforceSettingsSchema = z.object({
  mapping: z.array(peopleforceFieldRuleSchema).default([...PEOPLEFORCE_FIELD_PRESET]),
});
export type PeopleforceSettings = z.infer<typeof peopleforceSettingsSchema>;
