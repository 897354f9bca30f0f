/** Where a page of a log ends: the last entry's time and id (newest first, ties broken by id). */
export interface LogPosition {
  readonly at: number;
  readonly id: string;
}

/**
 * Which entries of a log (audit, deliveries) a page or an export reads: `from` inclusive, `to` exclusive
 * (epoch ms), entries after `after` in newest-first order. Reading by position rather than by offset
 * keeps pages free of duplicates and gaps while new entries arrive at the top.
 */
export interface LogWindow {
  readonly from?: number;
  readonly to?: number;
  readonly after?: LogPosition;
  readonly limit: number;
}
