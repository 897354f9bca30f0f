import type {
  BundleApplication,
  BundleCandidate,
  BundleFileHandle,
  BundleFiles,
  BundleHiringManager,
  BundleJob,
  BundleOffer,
  BundleOfferVersion,
  ContactEntry,
  CustomFieldDefinition as CoreDefinition,
  CustomFieldRawValue,
  CustomFieldValue as CoreFieldValue,
} from '../../core/mapping/source-bundle.js';
import type {
  ApplicationInfo,
  Candidate,
  ContactInfo,
  CustomFieldDefinition,
  CustomFieldValue,
  FileHandle,
  HiringTeamMember,
  Job,
  OfferListItem,
  OfferVersion,
  User,
} from './schemas.js';

/**
 * Wire objects → the plain-data SourceBundle parts of core. Every object is rebuilt field by field: the
 * wire schemas keep unknown keys (loose objects), and nothing Ashby adds later should leak into core
 * data, its snapshots or the database. Absent and `null` both become `null`.
 */

export function toBundleApplication(app: ApplicationInfo): BundleApplication {
  return {
    id: app.id,
    status: app.status,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    customFields: toFields(app.customFields),
  };
}

export function toBundleCandidate(c: Candidate): BundleCandidate {
  return {
    id: c.id,
    name: c.name,
    emailAddresses: c.emailAddresses.map(toContact),
    phoneNumbers: c.phoneNumbers.map(toContact),
    primaryEmailAddress: c.primaryEmailAddress ? toContact(c.primaryEmailAddress) : null,
    primaryPhoneNumber: c.primaryPhoneNumber ? toContact(c.primaryPhoneNumber) : null,
    socialLinks: c.socialLinks.map((link) => ({ type: link.type, url: link.url })),
    customFields: toFields(c.customFields),
  };
}

/** `null` when the offer has no version to read terms from. */
export function toBundleOffer(
  offer: OfferListItem & { versions?: readonly OfferVersion[] | null | undefined },
): BundleOffer | null {
  const version = offer.latestVersion ?? newestVersion(offer.versions ?? []);
  if (!version) return null;
  return {
    id: offer.id,
    acceptanceStatus: offer.acceptanceStatus,
    decidedAt: offer.decidedAt ?? null,
    latestVersion: toOfferVersion(version),
  };
}

/** The files a hire brings: the resume, the other candidate files, and the accepted offer version's letters. */
export function toBundleFiles(
  candidate: Candidate,
  offer: (OfferListItem & { versions?: readonly OfferVersion[] | null | undefined }) | null,
): BundleFiles {
  const version = offer ? (offer.latestVersion ?? newestVersion(offer.versions ?? [])) : undefined;
  return {
    resume: candidate.resumeFileHandle ? toFileHandle(candidate.resumeFileHandle) : null,
    candidateFiles: candidate.fileHandles.map(toFileHandle),
    offerLetters: (version?.fileHandles ?? []).map(toFileHandle),
  };
}

function toFileHandle(f: FileHandle): BundleFileHandle {
  return { id: f.id, name: f.name, handle: f.handle };
}

export function toBundleJob(job: Job): BundleJob {
  return {
    id: job.id,
    title: job.title,
    employmentType: job.employmentType,
    customFields: toFields(job.customFields),
  };
}

/** From the hiring-team entry; `user` (user.info) only fills what the entry lacks. */
export function toBundleHiringManager(member: HiringTeamMember, user: User | null): BundleHiringManager {
  return {
    userId: member.userId,
    firstName: member.firstName || user?.firstName || '',
    lastName: member.lastName || user?.lastName || '',
    email: member.email || user?.email || null,
  };
}

export function toCoreDefinition(d: CustomFieldDefinition): CoreDefinition {
  return {
    id: d.id,
    title: d.title,
    objectType: d.objectType,
    fieldType: d.fieldType,
    isArchived: d.isArchived,
    selectableValues: d.selectableValues
      ? d.selectableValues.map((v) => ({ label: v.label, value: v.value }))
      : null,
  };
}

function newestVersion(versions: readonly OfferVersion[]): OfferVersion | undefined {
  return [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

function toOfferVersion(v: OfferVersion): BundleOfferVersion {
  return {
    id: v.id,
    startDate: v.startDate ?? null,
    salary: v.salary ? { value: v.salary.value, currencyCode: v.salary.currencyCode } : null,
    customFields: toFields(v.customFields),
    openingId: v.openingId ?? null,
  };
}

function toContact(c: ContactInfo): ContactEntry {
  return { value: c.value, type: c.type, isPrimary: c.isPrimary };
}

function toFields(fields: readonly CustomFieldValue[] | null | undefined): CoreFieldValue[] {
  return (fields ?? []).map((f) => ({
    id: f.id,
    title: f.title,
    isPrivate: f.isPrivate ?? false,
    value: toRawValue(f.value),
    valueLabel:
      f.valueLabel === undefined || f.valueLabel === null
        ? null
        : Array.isArray(f.valueLabel)
          ? [...f.valueLabel]
          : f.valueLabel,
  }));
}

function toRawValue(value: CustomFieldValue['value']): CustomFieldRawValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return [...value];
  // The wire schema already checked each variant's field types; the loose objects' index signature just
  // hides them from narrowing, hence the cast to the union of the three object variants.
  const v = value as {
    type?: unknown;
    minValue?: number | null;
    maxValue?: number | null;
    currencyCode?: string;
    interval?: string;
    value?: number;
  };
  if (v.type === 'number-range') {
    return { type: 'number-range', minValue: v.minValue ?? null, maxValue: v.maxValue ?? null };
  }
  if (v.type === 'compensation-range') {
    return {
      type: 'compensation-range',
      minValue: v.minValue ?? null,
      maxValue: v.maxValue ?? null,
      currencyCode: v.currencyCode ?? null,
      interval: v.interval ?? null,
    };
  }
  return { value: v.value ?? null, currencyCode: v.currencyCode ?? null };
}
