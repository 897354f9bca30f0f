/**
 * Every Humaans behaviour this connector and its fake rely on that no source confirms: each is marked
 * UNCONFIRMED in /work/shared/reference/hris-apis.md (§3, §9). Change it here, in one place, once a
 * sandbox answers. Facts with a source are cited where they are used, not here.
 */
export const HUMAANS_ASSUMPTIONS = {
  /**
   * Requests per minute per token. No number is published; the fake enforces this one so the 429 +
   * Retry-After path is exercised. The connector itself relies on the kit honouring Retry-After.
   */
  requestsPerMinute: 600,
  /**
   * `GET /people?email=` (Feathers-style equality) may or may not filter. The connector copes with both:
   * when an answer holds someone the filter should have excluded, it pages through everyone and matches
   * `email` and `personalEmail` itself.
   */
  pageSize: 250,
  /**
   * Creating a person needs only first name, last name and (work) email; job title and place of work are
   * required in the UI for an active member (official help) but the API is assumed to accept them later.
   */
  requiredOnCreate: ['firstName', 'lastName', 'email'],
  /**
   * Job, department and manager go on an effective-dated row `POST /job-roles {personId, jobTitle,
   * department, reportingTo, effectiveDate}` (third-party mocks; ex_humaans reads job roles as a
   * catalogue `{name}` instead, §3.2 step 7).
   */
  jobRoleRowPerPerson: true,
  /** A duplicate work email on create: 422 ValidationError with an issue on `email` (expected, §3.4). */
  duplicateEmailIssuePath: 'email',
  /** The compensation type a base salary is filed under, matched by name in `GET /compensation-types`. */
  salaryCompensationTypeName: 'Salary',
  /**
   * Documents go by `link` (third-party test). Uploading bytes for a `fileId` is unknown, so files are not
   * uploaded: Humaans keeps a link to HireBridge's copy, which opens only while that link is valid.
   */
  documentsByLink: true,
} as const;
