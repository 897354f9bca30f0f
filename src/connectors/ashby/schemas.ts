import { z } from 'zod';

/**
 * Ashby wire schemas, shared by the real client and the simulator (fake/). Facts and section numbers refer to
 * /work/shared/reference/ashby-api.md.
 *
 * Tolerance rules, applied everywhere so readers never have to guess:
 * - Every object is `z.looseObject`: unknown keys are KEPT (not stripped, not rejected). Ashby adds fields
 *   without notice (e.g. `brandId` on application.job), and keeping them lets the simulator and debugging
 *   tools round-trip what they were given.
 * - Fields the spec does not require are `.nullish()`: recordings show Ashby both omitting empty optionals
 *   and sending `null` for the same kind of field, so readers must accept both.
 * - Timestamps and ids are plain strings: parsing must not fail on a format detail; callers that need a
 *   Date parse it themselves.
 * - Enums are closed only where the spec gives a closed set and callers branch on the value (application
 *   status, contact type, offer statuses). Elsewhere they are strings, with the known values exported.
 * - No transforms or defaults: the inferred input and output types are the same, so the simulator can build
 *   values of these types and the client can read them.
 */

const id = z.string();
const isoTimestamp = z.string();

// ---------- Envelopes (§1.4, §1.5, §1.6) ----------

export const ashbyErrorInfoSchema = z.looseObject({
  code: z.string(),
  message: z.string().nullish(),
  requestId: z.string().nullish(),
  meta: z.record(z.string(), z.unknown()).nullish(),
});

/** `errors` is deprecated; third parties report it sometimes holds `{message, parameter}` objects. */
const legacyErrorEntrySchema = z.union([
  z.string(),
  z.looseObject({ message: z.string().nullish(), parameter: z.string().nullish() }),
]);

export const ashbyErrorEnvelopeSchema = z.looseObject({
  success: z.literal(false),
  errors: z.array(legacyErrorEntrySchema).nullish(),
  errorInfo: ashbyErrorInfoSchema.nullish(),
});
export type AshbyErrorEnvelope = z.infer<typeof ashbyErrorEnvelopeSchema>;

/** The error code of an error envelope: `errorInfo.code`, else the first string in `errors`, else 'unknown'. */
export function ashbyErrorCode(envelope: AshbyErrorEnvelope): string {
  if (envelope.errorInfo) return envelope.errorInfo.code;
  const first = envelope.errors?.find((entry): entry is string => typeof entry === 'string');
  return first ?? 'unknown';
}

export function successEnvelopeSchema<T extends z.ZodType>(results: T) {
  return z.looseObject({
    success: z.literal(true),
    results,
    warnings: z.array(z.string()).nullish(),
  });
}

/** Paginated success envelope; `syncToken` is only set on the last page of sync-capable lists. */
export function paginatedSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    success: z.literal(true),
    results: z.array(item),
    moreDataAvailable: z.boolean(),
    nextCursor: z.string().nullish(),
    syncToken: z.string().nullish(),
    warnings: z.array(z.string()).nullish(),
  });
}

/** Any answer of a single-object endpoint: success or business error (both arrive as HTTP 200). */
export function ashbyResponseSchema<T extends z.ZodType>(results: T) {
  return z.discriminatedUnion('success', [successEnvelopeSchema(results), ashbyErrorEnvelopeSchema]);
}

export function ashbyPaginatedResponseSchema<T extends z.ZodType>(item: T) {
  return z.discriminatedUnion('success', [paginatedSchema(item), ashbyErrorEnvelopeSchema]);
}

// ---------- Permissions (§5) ----------

export const ASHBY_PERMISSIONS = [
  'jobsRead',
  'jobsWrite',
  'candidatesRead',
  'candidatesWrite',
  'interviewsRead',
  'interviewsWrite',
  'hiringProcessMetadataRead',
  'hiringProcessMetadataWrite',
  'organizationRead',
  'organizationWrite',
  'offersRead',
  'offersWrite',
  'apiKeysRead',
  'apiKeysWrite',
  'approvalsRead',
  'approvalsWrite',
  'reportsRead',
] as const;
export const ashbyPermissionSchema = z.enum(ASHBY_PERMISSIONS);
export type AshbyPermission = z.infer<typeof ashbyPermissionSchema>;

/**
 * apiKey.info reports scopes as `module:verb` ("candidates:read"). Only "jobs:read" and "candidates:read" are
 * documented examples; the module spelling for the other permissions (e.g. "hiringProcessMetadata:read") is an
 * assumption (UNCONFIRMED), derived mechanically from the permission name.
 */
export function permissionToScope(permission: AshbyPermission): string {
  const match = /^(.*?)(Read|Write)$/.exec(permission);
  if (!match) return permission;
  return `${match[1] ?? ''}:${match[2] === 'Read' ? 'read' : 'write'}`;
}

export const apiKeyInfoSchema = z.looseObject({
  title: z.string(),
  createdAt: isoTimestamp.nullish(),
  scopes: z.array(z.string()),
});
export type ApiKeyInfo = z.infer<typeof apiKeyInfoSchema>;

// ---------- Small shared objects (§3.3, §3.4, §3.9) ----------

export const fileHandleSchema = z.looseObject({ id, name: z.string(), handle: z.string() });
export type FileHandle = z.infer<typeof fileHandleSchema>;

export const fileInfoSchema = z.looseObject({ url: z.string() });

export const CONTACT_TYPES = ['Personal', 'Work', 'Other'] as const;
export const contactTypeSchema = z.enum(CONTACT_TYPES);

export const contactInfoSchema = z.looseObject({
  value: z.string(),
  type: contactTypeSchema,
  isPrimary: z.boolean(),
});
export type ContactInfo = z.infer<typeof contactInfoSchema>;

/** `type` stays an open string: a new link type must not make a whole candidate unreadable. */
export const socialLinkSchema = z.looseObject({ type: z.string(), url: z.string() });
export type SocialLink = z.infer<typeof socialLinkSchema>;

export const currencyValueSchema = z.looseObject({ value: z.number(), currencyCode: z.string() });
export const numberRangeValueSchema = z.looseObject({
  type: z.literal('number-range'),
  minValue: z.number().nullish(),
  maxValue: z.number().nullish(),
});
export const compensationRangeValueSchema = z.looseObject({
  type: z.literal('compensation-range'),
  minValue: z.number().nullish(),
  maxValue: z.number().nullish(),
  currencyCode: z.string(),
  interval: z.string(),
});

/**
 * The polymorphic `value` of a custom field (§3.4). Dates arrive as ISO strings and so parse as `string`;
 * the definition's `fieldType` says how to read a string. `null` is accepted for unset fields.
 */
export const customFieldValueValueSchema = z.union([
  z.boolean(),
  z.number(),
  z.string(),
  z.array(z.string()),
  compensationRangeValueSchema,
  numberRangeValueSchema,
  currencyValueSchema,
  z.null(),
]);

export const customFieldValueSchema = z.looseObject({
  id,
  title: z.string(),
  isPrivate: z.boolean().nullish(),
  value: customFieldValueValueSchema,
  /** A string for ValueSelect, a string[] for MultiValueSelect, absent otherwise. */
  valueLabel: z.union([z.string(), z.array(z.string())]).nullish(),
});
export type CustomFieldValue = z.infer<typeof customFieldValueSchema>;

export const customFieldDefinitionSchema = z.looseObject({
  id,
  title: z.string(),
  isPrivate: z.boolean().nullish(),
  objectType: z.string(),
  isArchived: z.boolean(),
  fieldType: z.string(),
  isRequired: z.boolean(),
  description: z.string().nullish(),
  selectableValues: z
    .array(z.looseObject({ label: z.string(), value: z.string(), isArchived: z.boolean().nullish() }))
    .nullish(),
});
export type CustomFieldDefinition = z.infer<typeof customFieldDefinitionSchema>;

export const userSchema = z.looseObject({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullish(),
  globalRole: z.string(),
  isEnabled: z.boolean(),
  updatedAt: isoTimestamp,
  managerId: z.string().nullish(),
  customFields: z.array(customFieldValueSchema).nullish(),
});
export type User = z.infer<typeof userSchema>;

/** `role` is the role title ("Hiring Manager", "Recruiter"), not an id. */
export const hiringTeamMemberSchema = z.looseObject({
  userId: id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  role: z.string(),
});
export type HiringTeamMember = z.infer<typeof hiringTeamMemberSchema>;

/** A team is a department with a `parentId`. */
export const departmentSchema = z.looseObject({
  id,
  name: z.string(),
  externalName: z.string().nullish(),
  isArchived: z.boolean(),
  parentId: z.string().nullish(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  extraData: z.record(z.string(), z.string()).nullish(),
});
export type Department = z.infer<typeof departmentSchema>;

export const postalAddressSchema = z.looseObject({
  addressCountry: z.string().nullish(),
  addressRegion: z.string().nullish(),
  addressLocality: z.string().nullish(),
  postalCode: z.string().nullish(),
  streetAddress: z.string().nullish(),
});
export const locationSchema = z.looseObject({
  id,
  name: z.string(),
  externalName: z.string().nullish(),
  isArchived: z.boolean(),
  address: z.looseObject({ postalAddress: postalAddressSchema.nullish() }).nullish(),
  isRemote: z.boolean().nullish(),
  workplaceType: z.string().nullish(),
  parentLocationId: z.string().nullish(),
  type: z.string().nullish(),
  extraData: z.record(z.string(), z.string()).nullish(),
});
export type Location = z.infer<typeof locationSchema>;

// ---------- Applications (§3.1) ----------

export const APPLICATION_STATUSES = ['Hired', 'Archived', 'Active', 'Lead'] as const;
export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

/** Stage `type` stays a string; known values: Lead, PreInterviewScreen, Active, Offer, Hired, Archived. */
export const interviewStageSchema = z.looseObject({
  id,
  title: z.string(),
  type: z.string(),
  orderInInterviewPlan: z.number().nullish(),
  interviewStageGroupId: z.string().nullish(),
  interviewPlanId: z.string().nullish(),
});
export type InterviewStage = z.infer<typeof interviewStageSchema>;

export const sourceSchema = z.looseObject({
  id,
  title: z.string(),
  isArchived: z.boolean().nullish(),
  sourceType: z.looseObject({ id, title: z.string(), isArchived: z.boolean().nullish() }).nullish(),
});
export type Source = z.infer<typeof sourceSchema>;

export const archiveReasonSchema = z.looseObject({
  id,
  text: z.string(),
  reasonType: z.string().nullish(),
  isArchived: z.boolean().nullish(),
  customFields: z.array(customFieldValueSchema).nullish(),
});
export type ArchiveReason = z.infer<typeof archiveReasonSchema>;

/** The candidate summary embedded in an application: call candidate.info for the full record. */
export const applicationCandidateSchema = z.looseObject({
  id,
  name: z.string(),
  primaryEmailAddress: contactInfoSchema.nullish(),
  primaryPhoneNumber: contactInfoSchema.nullish(),
});

export const applicationJobSchema = z.looseObject({
  id,
  title: z.string(),
  locationId: z.string().nullish(),
  departmentId: z.string().nullish(),
  brandId: z.string().nullish(),
});

export const applicationSchema = z.looseObject({
  id,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  status: applicationStatusSchema,
  customFields: z.array(customFieldValueSchema).nullish(),
  candidate: applicationCandidateSchema,
  currentInterviewStage: interviewStageSchema.nullish(),
  source: sourceSchema.nullish(),
  archiveReason: archiveReasonSchema.nullish(),
  archivedAt: isoTimestamp.nullish(),
  job: applicationJobSchema,
  creditedToUser: userSchema.nullish(),
  hiringTeam: z.array(hiringTeamMemberSchema),
  appliedViaJobPostingId: z.string().nullish(),
  submitterClientIp: z.string().nullish(),
  submitterUserAgent: z.string().nullish(),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationHistoryItemSchema = z.looseObject({
  id,
  stageId: z.string(),
  title: z.string(),
  stageNumber: z.number().nullish(),
  enteredStageAt: isoTimestamp,
  leftStageAt: isoTimestamp.nullish(),
  allowedActions: z.array(z.string()).nullish(),
  actorId: z.string().nullish(),
});

/** application.info adds history and the resume handle to the shared Application shape. */
export const applicationInfoSchema = applicationSchema.extend({
  applicationHistory: z.array(applicationHistoryItemSchema).nullish(),
  resumeFileHandle: fileHandleSchema.nullish(),
  openings: z.array(z.looseObject({ id })).nullish(),
});
export type ApplicationInfo = z.infer<typeof applicationInfoSchema>;

// ---------- Candidates (§3.2) ----------

export const candidateLocationSchema = z.looseObject({
  id: z.string().nullish(),
  locationSummary: z.string().nullish(),
  locationComponents: z.array(z.looseObject({ type: z.string(), name: z.string() })).nullish(),
});

export const candidateSchema = z.looseObject({
  id,
  createdAt: isoTimestamp.nullish(),
  updatedAt: isoTimestamp.nullish(),
  /** One full-name string; Ashby has no first/last name on candidates. */
  name: z.string(),
  primaryEmailAddress: contactInfoSchema.nullish(),
  emailAddresses: z.array(contactInfoSchema),
  primaryPhoneNumber: contactInfoSchema.nullish(),
  phoneNumbers: z.array(contactInfoSchema),
  socialLinks: z.array(socialLinkSchema),
  tags: z.array(z.looseObject({ id, title: z.string(), isArchived: z.boolean().nullish() })),
  position: z.string().nullish(),
  company: z.string().nullish(),
  school: z.string().nullish(),
  applicationIds: z.array(z.string()),
  resumeFileHandle: fileHandleSchema.nullish(),
  fileHandles: z.array(fileHandleSchema),
  customFields: z.array(customFieldValueSchema).nullish(),
  profileUrl: z.string(),
  source: sourceSchema.nullish(),
  creditedToUser: userSchema.nullish(),
  timezone: z.string().nullish(),
  location: candidateLocationSchema.nullish(),
  fraudStatus: z.string().nullish(),
});
export type Candidate = z.infer<typeof candidateSchema>;

// ---------- Offers (§3.5) ----------

export const OFFER_ACCEPTANCE_STATUSES = [
  'Accepted',
  'Declined',
  'Pending',
  'Created',
  'Cancelled',
  'WaitingOnResponse',
] as const;
export const offerAcceptanceStatusSchema = z.enum(OFFER_ACCEPTANCE_STATUSES);
export type OfferAcceptanceStatus = z.infer<typeof offerAcceptanceStatusSchema>;

export const OFFER_STATUSES = [
  'WaitingOnApprovalStart',
  'WaitingOnOfferApproval',
  'WaitingOnApprovalDefinition',
  'WaitingOnCandidateResponse',
  'CandidateRejected',
  'CandidateAccepted',
  'OfferCancelled',
] as const;
export const offerStatusSchema = z.enum(OFFER_STATUSES);

export const salarySchema = z.looseObject({ currencyCode: z.string(), value: z.number() });
export type Salary = z.infer<typeof salarySchema>;

export const offerVersionSchema = z.looseObject({
  id,
  createdAt: isoTimestamp,
  /** The new hire's start date, an ISO date-time. */
  startDate: isoTimestamp.nullish(),
  salary: salarySchema.nullish(),
  openingId: z.string().nullish(),
  customFields: z.array(customFieldValueSchema).nullish(),
  /** Offer letter files: unsigned .pdf/.docx and the signed .pdf once it exists. */
  fileHandles: z.array(fileHandleSchema).nullish(),
  author: userSchema.nullish(),
  approvalStatus: z.string().nullish(),
});
export type OfferVersion = z.infer<typeof offerVersionSchema>;

export const offerFormFieldSchema = z.looseObject({
  isRequired: z.boolean().nullish(),
  field: z.looseObject({
    id,
    type: z.string(),
    path: z.string(),
    humanReadablePath: z.string().nullish(),
    title: z.string().nullish(),
    isNullable: z.boolean().nullish(),
    selectableValues: z.array(z.looseObject({ label: z.string(), value: z.string() })).nullish(),
  }),
});
export const offerFormDefinitionSchema = z.looseObject({
  sections: z.array(
    z.looseObject({
      title: z.string().nullish(),
      descriptionHtml: z.string().nullish(),
      descriptionPlain: z.string().nullish(),
      fields: z.array(offerFormFieldSchema),
    }),
  ),
});
export type OfferFormDefinition = z.infer<typeof offerFormDefinitionSchema>;

/** An item of offer.list: the offer with its latest version only. */
export const offerListItemSchema = z.looseObject({
  id,
  decidedAt: isoTimestamp.nullish(),
  applicationId: z.string(),
  acceptanceStatus: offerAcceptanceStatusSchema,
  offerStatus: offerStatusSchema.nullish(),
  latestVersion: offerVersionSchema.nullish(),
});
export type OfferListItem = z.infer<typeof offerListItemSchema>;

/** offer.info results and webhook `data.offer`. */
export const offerSchema = offerListItemSchema.extend({
  versions: z.array(offerVersionSchema).nullish(),
  formDefinition: offerFormDefinitionSchema.nullish(),
});
export type Offer = z.infer<typeof offerSchema>;

// ---------- Jobs and openings (§3.6, §3.7) ----------

export const jobSchema = z.looseObject({
  id,
  title: z.string(),
  confidential: z.boolean(),
  /** Draft | Open | Closed | Archived */
  status: z.string(),
  /** FullTime | PartTime | Intern | Contract | Temporary */
  employmentType: z.string(),
  locationId: z.string().nullish(),
  departmentId: z.string().nullish(),
  defaultInterviewPlanId: z.string().nullish(),
  interviewPlanIds: z.array(z.string()).nullish(),
  customFields: z.array(customFieldValueSchema).nullish(),
  jobPostingIds: z.array(z.string()).nullish(),
  customRequisitionId: z.string().nullish(),
  brandId: z.string().nullish(),
  hiringTeam: z.array(hiringTeamMemberSchema).nullish(),
  author: userSchema.nullish(),
  createdAt: isoTimestamp.nullish(),
  updatedAt: isoTimestamp,
  openedAt: isoTimestamp.nullish(),
  closedAt: isoTimestamp.nullish(),
  location: locationSchema.nullish(),
});
export type Job = z.infer<typeof jobSchema>;

export const openingSchema = z.looseObject({
  id,
  openedAt: isoTimestamp.nullish(),
  closedAt: isoTimestamp.nullish(),
  isArchived: z.boolean(),
  archivedAt: isoTimestamp.nullish(),
  closeReasonId: z.string().nullish(),
  /** Approved | Closed | Draft | Filled | Open */
  openingState: z.string(),
  latestVersion: z
    .looseObject({
      id,
      identifier: z.string(),
      description: z.string().nullish(),
      authorId: z.string().nullish(),
      createdAt: isoTimestamp.nullish(),
      teamId: z.string().nullish(),
      jobIds: z.array(z.string()).nullish(),
      targetHireDate: z.string().nullish(),
      targetStartDate: z.string().nullish(),
      isBackfill: z.boolean().nullish(),
      employmentType: z.string().nullish(),
      locationIds: z.array(z.string()).nullish(),
      hiringTeam: z.array(hiringTeamMemberSchema).nullish(),
      customFields: z.array(customFieldValueSchema).nullish(),
    })
    .nullish(),
});
export type Opening = z.infer<typeof openingSchema>;

// ---------- Webhook management (§2.6) ----------

export const webhookSettingSchema = z.looseObject({
  id,
  enabled: z.boolean(),
  requestUrl: z.string(),
  secretToken: z.string().nullish(),
  webhookType: z.string(),
});
export type WebhookSetting = z.infer<typeof webhookSettingSchema>;

// ---------- Webhook payloads (§2.2, §2.5, §2.7) ----------

// The envelope itself is checked by hand in webhook.ts (readEnvelope): any action is accepted so an
// unknown event can be stored and acknowledged, and `webhookActionId` is optional (the ping may lack it).
export const pingDataSchema = z.looseObject({ webhookActionType: z.string() });
export const applicationWebhookDataSchema = z.looseObject({ application: applicationSchema });
/** `offer` is the most recent accepted offer, absent when there is none. */
export const candidateHireDataSchema = z.looseObject({
  application: applicationSchema,
  offer: offerSchema.nullish(),
});
export const offerWebhookDataSchema = z.looseObject({ offer: offerSchema });
export const offerDeleteDataSchema = z.looseObject({
  offer: z.looseObject({ id, applicationId: z.string().nullish() }),
});
export const candidateDeleteDataSchema = z.looseObject({ candidate: z.looseObject({ id }) });
export const candidateMergeDataSchema = z.looseObject({
  deletedCandidate: z.looseObject({ id }),
  mergedCandidate: z.looseObject({ id }),
});
export const jobWebhookDataSchema = z.looseObject({ job: jobSchema });
export const openingWebhookDataSchema = z.looseObject({ opening: openingSchema });

function event<A extends string, D extends z.ZodType>(action: A, data: D) {
  return z.looseObject({ webhookActionId: z.string().nullish(), action: z.literal(action), data });
}

/** The events HireBridge acts on, discriminated by `action`. Parse the generic envelope first. */
export const knownWebhookEventSchema = z.discriminatedUnion('action', [
  event('ping', pingDataSchema),
  event('candidateHire', candidateHireDataSchema),
  event('applicationUpdate', applicationWebhookDataSchema),
  event('candidateStageChange', applicationWebhookDataSchema),
  event('applicationSubmit', applicationWebhookDataSchema),
  event('pushToHRIS', applicationWebhookDataSchema),
  event('offerCreate', offerWebhookDataSchema),
  event('offerUpdate', offerWebhookDataSchema),
  event('offerDelete', offerDeleteDataSchema),
  event('candidateDelete', candidateDeleteDataSchema),
  event('candidateMerge', candidateMergeDataSchema),
  event('jobCreate', jobWebhookDataSchema),
  event('jobUpdate', jobWebhookDataSchema),
  event('openingCreate', openingWebhookDataSchema),
]);
