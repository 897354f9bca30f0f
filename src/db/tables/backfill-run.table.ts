/** The last backfill of one Ashby connection and how far it got (migration 0019). */
export interface BackfillRunTable {
  connection_id: string;
  started_at: number;
  started_by: string;
  /** YYYY-MM-DD: hires starting before it are skipped; null when past hires are included. */
  starts_on_or_after: string | null;
  pages: number;
  found: number;
  queued: number;
  /** When listing Ashby's hires ended (epoch ms); null while it runs. */
  listed_at: number | null;
  /** Why listing stopped early, in words; null when it did not. */
  error: string | null;
}
