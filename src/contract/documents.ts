import { z } from 'zod';

export const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(['offer_letter', 'resume', 'candidate_file']),
  /** The document type (offer letter) or folder (resume, other files) it is filed under. */
  category: z.object({ kind: z.enum(['type', 'folder']), name: z.string() }),
  fileName: z.string(),
  status: z.enum(['pending', 'stored', 'failed']),
  contentType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  sha256: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number(),
  newHireId: z.string(),
  memberId: z.string().nullable(),
  source: z.object({ connectionId: z.string(), ashbyFileId: z.string() }),
  createdAt: z.string(),
  storedAt: z.string().nullable(),
});
export type DocumentResponse = z.infer<typeof documentSchema>;

export const documentCategorySchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
export type DocumentCategoryResponse = z.infer<typeof documentCategorySchema>;

export const addDocumentCategoryRequestSchema = z.strictObject({
  name: z.string().min(1, 'is required').max(100),
});

export const documentSettingsSchema = z.object({
  offerLetter: z.object({ enabled: z.boolean(), documentType: z.string(), preferSigned: z.boolean() }),
  candidateFiles: z.object({ enabled: z.boolean(), folder: z.string() }),
});
export type DocumentSettingsResponse = z.infer<typeof documentSettingsSchema>;

/** Any part may be left out; what is given replaces the current value. */
export const saveDocumentSettingsRequestSchema = z.strictObject({
  offerLetter: z
    .strictObject({
      enabled: z.boolean().optional(),
      documentType: z.string().min(1).max(100).optional(),
      preferSigned: z.boolean().optional(),
    })
    .optional(),
  candidateFiles: z
    .strictObject({ enabled: z.boolean().optional(), folder: z.string().min(1).max(100).optional() })
    .optional(),
});
