import { z } from 'zod';
import { HUMAANS_ASSUMPTIONS } from './assumptions.js';
import { HUMAANS_PRESET_MAPPING, humaansFieldRuleSchema } from './field-mapping.js';
import { COMPENSATION_PERIODS } from './schemas.js';

/** What an admin can set on a Humaans destination besides the token; `{}` is a working configuration. */
export const humaansSettingsSchema = z.object({
  compensationTypeName: z.string().trim().min(1).default(HUMAANS_ASSUMPTIONS.salaryCompensationTypeName),
  compensationPeriod: z.enum(COMPENSATION_PERIODS).default('annual'),
  /** The Humaans document type (by name) each kind of document is filed under; null files it untyped. */
  documentTypes: z
    .object({
      offer_letter: z.string().min(1).nullable(),
      resume: z.string().min(1).nullable(),
      candidate_file: z.string().min(1).nullable(),
    })
    .default({ offer_letter: 'Offer letter', resume: 'Resume', candidate_file: null }),
  /** `link` sends HireBridge download links (Humaans' API takes no file upload); `off` sends none. */
  documents: z.enum(['link', 'off']).default('link'),
  mapping: z.array(humaansFieldRuleSchema).default([...HUMAANS_PRESET_MAPPING]),
});
export type HumaansSettings = z.infer<typeof humaansSettingsSchema>;
