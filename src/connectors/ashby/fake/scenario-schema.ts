import { z } from 'zod';
import {
  applicationStatusSchema,
  archiveReasonSchema,
  ashbyPermissionSchema,
  candidateLocationSchema,
  contactInfoSchema,
  customFieldDefinitionSchema,
  customFieldValueSchema,
  departmentSchema,
  locationSchema,
  offerAcceptanceStatusSchema,
  offerStatusSchema,
  openingSchema,
  salarySchema,
  socialLinkSchema,
  sourceSchema,
  userSchema,
} from '../schemas.js';

/**
 * The scenario format: the simulator's seed state. Objects that are self-contained on the wire
 * (departments, locations, users, custom field definitions, sources, archive reasons) are stored in their
 * wire shape. Objects that embed others on the wire (applications embed a candidate summary, the job, the
 * hiring team; offers embed file handles and authors) are stored normalised, by id, and assembled when
 * served, so one edit (a name change, a hire) shows everywhere at once like in Ashby.
 *
 * Scenario-own objects are strict (`z.strictObject`): a typo in a fixture must fail loudly, not vanish.
 */

const id = z.string().min(1);
const iso = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO timestamp');

export const scenarioApiKeySchema = z.strictObject({
  key: z.string().min(1),
  title: z.string().optional(),
  permissions: z.array(ashbyPermissionSchema),
  enabled: z.boolean().optional(),
  createdAt: iso.optional(),
});

export const scenarioInterviewStageSchema = z.strictObject({
  id,
  title: z.string(),
  /** Lead | PreInterviewScreen | Active | Offer | Hired | Archived */
  type: z.string(),
  orderInInterviewPlan: z.number().int(),
  interviewStageGroupId: z.string().nullable(),
  interviewPlanId: id,
});
export type ScenarioInterviewStage = z.infer<typeof scenarioInterviewStageSchema>;

/** Hiring-team entry by reference; name and email come from the user. */
export const scenarioTeamMemberSchema = z.strictObject({ userId: id, role: z.string() });

export const scenarioJobSchema = z.strictObject({
  id,
  title: z.string(),
  status: z.enum(['Draft', 'Open', 'Closed', 'Archived']),
  employmentType: z.enum(['FullTime', 'PartTime', 'Intern', 'Contract', 'Temporary']),
  confidential: z.boolean(),
  departmentId: id,
  locationId: id,
  defaultInterviewPlanId: id,
  customRequisitionId: z.string().nullable(),
  customFields: z.array(customFieldValueSchema),
  hiringTeam: z.array(scenarioTeamMemberSchema),
  authorId: id.optional(),
  createdAt: iso,
  updatedAt: iso,
  openedAt: iso.optional(),
  closedAt: iso.optional(),
});
export type ScenarioJob = z.infer<typeof scenarioJobSchema>;

/** File bytes live in the scenario so `file.info` URLs can serve them. */
export const scenarioFileSchema = z.strictObject({
  id,
  name: z.string().min(1),
  contentType: z.string().min(1),
  content: z.string(),
  encoding: z.enum(['utf8', 'base64']).optional(),
});
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

export const scenarioCandidateSchema = z.strictObject({
  id,
  name: z.string(),
  createdAt: iso,
  updatedAt: iso,
  emailAddresses: z.array(contactInfoSchema),
  phoneNumbers: z.array(contactInfoSchema),
  socialLinks: z.array(socialLinkSchema),
  tags: z.array(z.strictObject({ id, title: z.string(), isArchived: z.boolean() })).optional(),
  position: z.string().optional(),
  company: z.string().optional(),
  school: z.string().optional(),
  resumeFileId: id.optional(),
  fileIds: z.array(id),
  customFields: z.array(customFieldValueSchema),
  timezone: z.string().nullable(),
  location: candidateLocationSchema.optional(),
  sourceId: id.optional(),
  creditedToUserId: id.optional(),
  externalMappingId: z.string().optional(),
});
export type ScenarioCandidate = z.infer<typeof scenarioCandidateSchema>;

export const scenarioHistoryEntrySchema = z.strictObject({
  id,
  stageId: id,
  enteredStageAt: iso,
  leftStageAt: iso.optional(),
});
export type ScenarioHistoryEntry = z.infer<typeof scenarioHistoryEntrySchema>;

export const scenarioApplicationSchema = z.strictObject({
  id,
  candidateId: id,
  jobId: id,
  status: applicationStatusSchema,
  currentInterviewStageId: id,
  createdAt: iso,
  updatedAt: iso,
  customFields: z.array(customFieldValueSchema),
  hiringTeam: z.array(scenarioTeamMemberSchema),
  sourceId: id.optional(),
  archiveReasonId: id.optional(),
  archivedAt: iso.optional(),
  creditedToUserId: id.optional(),
  appliedViaJobPostingId: id.optional(),
  /** Stage history, oldest first; derived from the current stage when omitted. */
  history: z.array(scenarioHistoryEntrySchema).optional(),
});
export type ScenarioApplication = z.infer<typeof scenarioApplicationSchema>;

export const scenarioOfferVersionSchema = z.strictObject({
  id,
  createdAt: iso,
  startDate: iso.optional(),
  salary: salarySchema.optional(),
  openingId: id.optional(),
  customFields: z.array(customFieldValueSchema),
  fileIds: z.array(id),
  authorId: id.optional(),
  approvalStatus: z.string().optional(),
});
export type ScenarioOfferVersion = z.infer<typeof scenarioOfferVersionSchema>;

export const scenarioOfferSchema = z.strictObject({
  id,
  applicationId: id,
  acceptanceStatus: offerAcceptanceStatusSchema,
  offerStatus: offerStatusSchema,
  decidedAt: iso.nullable(),
  /** Oldest first; the last one is `latestVersion`. */
  versions: z.array(scenarioOfferVersionSchema).min(1),
});
export type ScenarioOffer = z.infer<typeof scenarioOfferSchema>;

export const scenarioWebhookSchema = z.strictObject({
  id,
  webhookType: z.string(),
  requestUrl: z.string(),
  secretToken: z.string(),
  enabled: z.boolean(),
});
export type ScenarioWebhook = z.infer<typeof scenarioWebhookSchema>;

export const scenarioCloseReasonSchema = z.strictObject({
  id,
  reasonText: z.string(),
  isArchived: z.boolean(),
});
export type ScenarioCloseReason = z.infer<typeof scenarioCloseReasonSchema>;

export const scenarioSchema = z.strictObject({
  name: z.string().optional(),
  apiKeys: z.array(scenarioApiKeySchema),
  departments: z.array(departmentSchema),
  locations: z.array(locationSchema),
  users: z.array(userSchema),
  interviewStages: z.array(scenarioInterviewStageSchema),
  sources: z.array(sourceSchema).optional(),
  archiveReasons: z.array(archiveReasonSchema).optional(),
  customFieldDefinitions: z.array(customFieldDefinitionSchema),
  jobs: z.array(scenarioJobSchema),
  files: z.array(scenarioFileSchema),
  candidates: z.array(scenarioCandidateSchema),
  applications: z.array(scenarioApplicationSchema),
  offers: z.array(scenarioOfferSchema),
  webhooks: z.array(scenarioWebhookSchema).optional(),
  /** Openings in their wire shape (§3.7); HireBridge pushes these. */
  openings: z.array(openingSchema).optional(),
  closeReasons: z.array(scenarioCloseReasonSchema).optional(),
});
export type Scenario = z.infer<typeof scenarioSchema>;
