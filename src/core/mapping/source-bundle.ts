/**
 * Everything the importer fetched from Ashby for one hire, as plain data. The shapes follow Ashby's
 * objects (shared/reference/ashby-api.md §3) but keep only what the mapping can read, and they are
 * structural on purpose: core must not import the connector's wire schemas, so the connector maps its
 * parsed responses into these types.
 *
 * Absent things are `null`, never optional, so the connector has to decide each one explicitly (an
 * omitted `primaryPhoneNumber` and one Ashby sent as `null` both become `null`). Enumerations Ashby may
 * extend (statuses, employment types, social-link types, custom-field types) are plain strings: a new
 * value in Ashby must not make a hire impossible to import.
 */

/** The type Ashby gives an email address or phone number. */
export type ContactType = 'Personal' | 'Work' | 'Other';

/** `candidate.emailAddresses[]`, `candidate.phoneNumbers[]`, `primaryEmailAddress`, `primaryPhoneNumber`. */
export interface ContactEntry {
  readonly value: string;
  readonly type: ContactType;
  readonly isPrimary: boolean;
}

/** `candidate.socialLinks[]`; `type` is LinkedIn, GitHub, Twitter, Medium, StackOverflow, YouTube, CodePen or Website. */
export interface SocialLink {
  readonly type: string;
  readonly url: string;
}

/** Value of a Currency custom field, and the shape of an offer salary. */
export interface CurrencyValue {
  readonly value: number | null;
  readonly currencyCode: string | null;
}

/** Value of a NumberRange custom field. */
export interface NumberRangeValue {
  readonly type: 'number-range';
  readonly minValue: number | null;
  readonly maxValue: number | null;
}

/** Value of a CompensationRange custom field; `interval` is Ashby's enum ("1 YEAR", "1 MONTH", ...). */
export interface CompensationRangeValue {
  readonly type: 'compensation-range';
  readonly minValue: number | null;
  readonly maxValue: number | null;
  readonly currencyCode: string | null;
  readonly interval: string | null;
}

/**
 * The polymorphic `value` of a custom field, per Ashby field type: Boolean → boolean; Number → number;
 * String, LongText, ValueSelect (the option's value) → string; Date → ISO date-time string;
 * MultiValueSelect → string[]; Currency → CurrencyValue; NumberRange, CompensationRange → their objects.
 * `null` when the field has no value.
 */
export type CustomFieldRawValue =
  | boolean
  | number
  | string
  | readonly string[]
  | CurrencyValue
  | NumberRangeValue
  | CompensationRangeValue
  | null;

/** A custom field value as it appears on candidates, applications, jobs and offer versions. */
export interface CustomFieldValue {
  readonly id: string;
  readonly title: string;
  readonly isPrivate: boolean;
  readonly value: CustomFieldRawValue;
  /** Ashby sends a label only for ValueSelect (string) and MultiValueSelect (string[]). */
  readonly valueLabel: string | readonly string[] | null;
}

/** An option of a ValueSelect / MultiValueSelect definition. */
export interface SelectableValue {
  readonly label: string;
  readonly value: string;
}

/** From `customField.list`. `objectType` is Application, Candidate, Job, Offer, Opening, ...; `fieldType` is
 * MultiValueSelect, NumberRange, String, Date, ValueSelect, Number, Currency, Boolean, LongText or CompensationRange. */
export interface CustomFieldDefinition {
  readonly id: string;
  readonly title: string;
  readonly objectType: string;
  readonly fieldType: string;
  readonly isArchived: boolean;
  /** `null` when Ashby did not send options (it may omit them for ValueSelect). */
  readonly selectableValues: readonly SelectableValue[] | null;
}

export interface BundleApplication {
  readonly id: string;
  /** Hired, Archived, Active or Lead. */
  readonly status: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly customFields: readonly CustomFieldValue[];
}

export interface BundleCandidate {
  readonly id: string;
  /** One full-name string: Ashby has no first/last name on candidates. */
  readonly name: string;
  readonly emailAddresses: readonly ContactEntry[];
  readonly phoneNumbers: readonly ContactEntry[];
  readonly primaryEmailAddress: ContactEntry | null;
  readonly primaryPhoneNumber: ContactEntry | null;
  readonly socialLinks: readonly SocialLink[];
  readonly customFields: readonly CustomFieldValue[];
}

export interface BundleOfferVersion {
  readonly id: string;
  /** ISO date-time exactly as Ashby sent it; the mapping takes its calendar date without time-zone math. */
  readonly startDate: string | null;
  readonly salary: CurrencyValue | null;
  readonly customFields: readonly CustomFieldValue[];
  readonly openingId: string | null;
}

/** The accepted offer (from the candidateHire payload, offer.list or offer.info). */
export interface BundleOffer {
  readonly id: string;
  readonly acceptanceStatus: string;
  readonly decidedAt: string | null;
  readonly latestVersion: BundleOfferVersion;
}

export interface BundleJob {
  readonly id: string;
  readonly title: string;
  /** FullTime, PartTime, Intern, Contract or Temporary. */
  readonly employmentType: string | null;
  readonly customFields: readonly CustomFieldValue[];
}

export interface BundleDepartment {
  readonly id: string;
  readonly name: string;
}

export interface BundleLocation {
  readonly id: string;
  readonly name: string;
}

/** The application's hiring-team member with role "Hiring Manager" (completed by user.info). */
export interface BundleHiringManager {
  readonly userId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
}

/** An Ashby file handle (ashby-api.md §3.3): `handle` is opaque, passed to `file.info` for a short-lived URL. */
export interface BundleFileHandle {
  readonly id: string;
  /** The file name; personal data (it often holds the person's name). */
  readonly name: string;
  readonly handle: string;
}

/** The hire's files in Ashby: not read by the mapping, but turned into documents (core/documents). */
export interface BundleFiles {
  readonly resume: BundleFileHandle | null;
  /** `candidate.fileHandles`: cover letters, certificates, ... (may include the resume again). */
  readonly candidateFiles: readonly BundleFileHandle[];
  /** The accepted offer's version files: the unsigned .pdf/.docx letter, and the signed .pdf once signed. */
  readonly offerLetters: readonly BundleFileHandle[];
}

/** Everything fetched for one hired application. */
export interface SourceBundle {
  readonly application: BundleApplication;
  readonly candidate: BundleCandidate;
  readonly offer: BundleOffer | null;
  readonly job: BundleJob;
  readonly department: BundleDepartment | null;
  readonly location: BundleLocation | null;
  readonly hiringManager: BundleHiringManager | null;
  /**
   * Optional, unlike the rest, because the mapping never reads it and bundles built elsewhere (fixtures,
   * previews) need not carry it; the Ashby connector always sets it.
   */
  readonly files?: BundleFiles;
}
