/**
 * Every HiBob behaviour this connector and its fake rely on that no source confirms: each is marked
 * UNCONFIRMED in /work/shared/reference/hris-apis.md (§2, §9). Change it here, in one place, once a
 * sandbox answers. Facts with a source are cited where they are used, not here.
 */
export const HIBOB_ASSUMPTIONS = {
  /**
   * Writes per minute per tenant (`POST /people`, `/work`, `/salaries`, `/docs`, invitations). Official
   * numbers exist only for custom tables (10/min) and the Applicant API (10/min); §2.4 says design for 10.
   */
  writesPerMinute: 10,
  /** `POST /people/search`: 50/min is official (§2.4); kept beside the guessed write limit. */
  searchesPerMinute: 50,
  /** The named list that holds departments (`GET /company/named-lists`). */
  departmentListName: 'department',
  /**
   * What a duplicate `root.email` on create answers: no source. The fake answers 400 with this key; the
   * connector treats it like any 400 (permanent, HiBob's message shown), and the push machinery's next
   * attempt looks the person up before anything else.
   */
  duplicateEmailErrorKey: 'EMPLOYEE_ALREADY_EXISTS',
  /**
   * A work entry posted with the same effective date as an existing one replaces it (Bob keys entries by
   * site + effective date, §2.3 step 6); whether it answers 400 instead is unknown. The connector posts
   * the hire's work entry at the start date, the same date `POST /people` gives the first entry.
   */
  workEntrySameDateReplaces: true,
  /** The salary permission's label in Bob's permission groups ("exact label UNCONFIRMED", §2.1). */
  salaryPermissionLabel: 'People > Payroll > Salary (edit)',
  /** The label of the permission `PUT /people/{id}` needs (edit an employee's basic fields; UNCONFIRMED). */
  updatePermissionLabel: 'People > Employees > edit Basic info and Personal fields',
  /** The multipart part that carries the bytes on `/docs/people/{id}/{folder}/upload`. */
  uploadPartName: 'file',
} as const;
