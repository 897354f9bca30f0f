/**
 * Every PeopleForce behaviour the reference marks UNCONFIRMED (../shared/reference/hris-apis.md §4, §9.3),
 * in one place so a live check changes one line. Each constant says what we assume and why.
 */

/**
 * Whether `GET /employees?emails[]=` also matches `personal_email` (§4.2 step 2: UNCONFIRMED). We assume
 * it does NOT: the lookup still sends both emails and matches client-side, and when a create is refused
 * as a duplicate and the filter finds nobody, the client pages through every employee (`status=all`) to
 * find the holder of the personal email before giving up.
 */
export const EMAILS_FILTER_MATCHES_PERSONAL_EMAIL = false;

/** The most pages that full scan reads (the page size is fixed server-side; §4.3). */
export const MAX_SCAN_PAGES = 200;

/**
 * The salary period sent with `POST /employees/{id}/salaries` (`per*`, §4.2 step 6). HireBridge's salary
 * amount is the annual base from the Ashby offer; that it is always annual is our reading, not PeopleForce's.
 */
export const SALARY_PERIOD = 'year' as const;

/**
 * The status a refused duplicate create gets. The help centre says "an existing employee gives 422"
 * (§4.3, official); the error body's shape is UNCONFIRMED, so we never read it and look the person up.
 */
export const DUPLICATE_STATUS = 422;

/**
 * Which document folder a document goes to (`document_folder_id*`, §4.2 step 7). The folder whose name
 * equals the HireBridge category (case-insensitive), else the first folder listed. That a first folder
 * is an acceptable home is our choice; an admin can rename folders to steer documents.
 */
export const DOCUMENT_FOLDER_FALLBACK = 'first' as const;

/**
 * Documents are sent as a multipart file part named `document` (§4.2 step 7 allows a binary, a data URI
 * or a `url`). Larger files than this are skipped with a warning; PeopleForce's own limit is UNCONFIRMED.
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
