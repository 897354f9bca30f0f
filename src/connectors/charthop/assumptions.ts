/**
 * Every ChartHop behaviour the reference marks UNCONFIRMED (../shared/reference/hris-apis.md §5, §9.4), in
 * one place so a live check against https://api.charthop.com/swagger changes one line. The wire shapes
 * these name are in schemas.ts; the fake follows the same guesses.
 */

/**
 * List paging: `limit` and a `from` cursor in, `{data, next}` out (§5.3 step 2 pages people; the exact
 * parameters are UNCONFIRMED). A missing or empty `next` ends the list.
 */
export const PAGE_LIMIT = 200;
export const MAX_PAGES = 100;

/**
 * The people lookup pages every person with these fields (`includeAll=true` so people not yet started,
 * or departed, count) and matches emails client-side: a Carrot `q` on email is UNCONFIRMED (§9.4).
 */
export const PERSON_FIELDS = 'id,name,contact.homeEmail,contact.workEmail';

/**
 * The job custom field that links a ChartHop job to a HireBridge position (§5.3 step 1: "store the
 * HireBridge position id in a job custom field"). Its name is HireBridge's choice; that custom fields come
 * back under `fields` when asked for as `fields.<name>` is UNCONFIRMED. A people team sets it on the job
 * (or a sync does) so the hire fills that seat rather than one matched by title.
 */
export const POSITION_FIELD = 'hirebridgePositionId';

/**
 * The job fields read: `open` is OPEN or FILLED (§5.2 says open|filled; the case is UNCONFIRMED), the
 * department as `department.name`, the person holding a filled job as `personId` (both UNCONFIRMED),
 * and the position link.
 */
export const JOB_FIELDS = `id,title,open,department.name,personId,fields.${POSITION_FIELD}`;
export const JOB_OPEN = 'OPEN';

/** A job's title and department must equal the member's after trimming; case counts ("exactly"). */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a?.trim() ?? '') === (b?.trim() ?? '');
}

/**
 * Base compensation rides on the HIRE change as `comp.baseComp {interval, pay}` (§5.3 step 5 names the
 * shape for UPDATE changes); `Money` as `{amount, currency}` is UNCONFIRMED (§9.4). HireBridge's salary
 * amount is the annual base from the offer, hence YEARLY.
 */
export const COMP_INTERVAL = 'YEARLY';
export function money(amount: number, currency: string): { amount: number; currency: string } {
  return { amount, currency };
}

/** Person file fields per document kind (§5.3 step 6 gives `offerLetter`; `resume` is UNCONFIRMED). */
export const FILE_FIELD_IDS = { offer_letter: 'offerLetter', resume: 'resume' } as const;
export const FILE_SENSITIVITY = 'PERSONAL';

/** ChartHop answers 202 while an org snapshot builds (§5.4): retry after this long. */
export const SNAPSHOT_RETRY_MS = 5_000;
