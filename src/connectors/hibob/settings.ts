import { z } from 'zod';
import { HIBOB_ASSUMPTIONS } from './assumptions.js';
import { HIBOB_PRESET_MAPPING, hibobFieldRuleSchema } from './field-mapping.js';
import { documentFolderSchema, PAY_FREQUENCIES, PAY_PERIODS } from './schemas.js';

const folderOrSkip = z.union([documentFolderSchema, z.literal('skip')]);

/**
 * What an admin can set on a HiBob destination besides its credentials. Every key has a default, so `{}`
 * is a working configuration.
 */
export const hibobSettingsSchema = z.object({
  /** Sent as `work.site` when the member has no location (Bob requires a site). */
  defaultSite: z.string().trim().min(1).optional(),
  payPeriod: z.enum(PAY_PERIODS).default('Annual'),
  payFrequency: z.enum(PAY_FREQUENCIES).optional(),
  /** Where each kind of document goes; the offer letter is confidential by default. */
  documentFolders: z
    .object({ offer_letter: folderOrSkip, resume: folderOrSkip, candidate_file: folderOrSkip })
    .default({ offer_letter: 'confidential', resume: 'shared', candidate_file: 'shared' }),
  /** When set, the pre-onboarding invite of this welcome wizard goes out after the create. */
  welcomeWizardId: z.number().int().positive().optional(),
  mapping: z.array(hibobFieldRuleSchema).default([...HIBOB_PRESET_MAPPING]),
  writesPerMinute: z.number().positive().max(6000).default(HIBOB_ASSUMPTIONS.writesPerMinute),
  searchesPerMinute: z.number().positive().max(6000).default(HIBOB_ASSUMPTIONS.searchesPerMinute),
});
export type HibobSettings = z.infer<typeof hibobSettingsSchema>;
