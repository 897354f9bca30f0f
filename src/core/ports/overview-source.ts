/**
 * The figures of the Overview page, each read by the database in one query so the page costs five
 * queries however many hires there are. Times are epoch milliseconds; dates are YYYY-MM-DD.
 */

/** New hires still in review: how many, how long they have waited, and the longest waiting. */
export interface ReviewQueueFigures {
  readonly total: number;
  /** How many have waited at least each threshold, in the order the thresholds were given. */
  readonly olderThan: readonly number[];
  /** The longest waiting, oldest first (at most the limit asked for). */
  readonly oldest: readonly { readonly id: string; readonly fields: string; readonly arrivedAt: number }[];
}

export interface UpcomingStartRow {
  readonly id: string;
  readonly status: 'in_review' | 'added';
  readonly startDate: string;
  /** The mapped field values (JSON), for the name. */
  readonly fields: string;
}

/** Time from a hire's arrival to Add member, over the members added in a window. */
export interface TimeToAddFigures {
  readonly count: number;
  /** Median in milliseconds; null when no hire was added in the window. */
  readonly medianMs: number | null;
}

/**
 * Something that failed and waits for a person. `kind` is an open list: a new source of failures
 * adds its kind next to these without changing the shape.
 */
export interface AttentionFigure {
  readonly kind:
    'dead_jobs' | 'retrying_jobs' | 'stalled_webhook_deliveries' | 'failed_notifications' | 'failed_pushes';
  readonly count: number;
  /** When the oldest of them happened; null when count is 0. */
  readonly oldestAt: number | null;
}

export interface OverviewSource {
  reviewQueue(input: {
    now: number;
    thresholdsMs: readonly number[];
    oldestLimit: number;
  }): Promise<ReviewQueueFigures>;
  /** Hires in review or added whose start date lies in [from, to], soonest first. */
  upcomingStarts(input: { from: string; to: string; limit: number }): Promise<UpcomingStartRow[]>;
  /** Hires (not deleted) that arrived in each [boundaries[i], boundaries[i+1]). */
  arrivalsPerPeriod(boundaries: readonly number[]): Promise<number[]>;
  timeToAdd(input: { since: number }): Promise<TimeToAddFigures>;
  /** Failed and retrying jobs (one query). */
  failedJobs(): Promise<AttentionFigure[]>;
  /** Webhook deliveries whose import has not finished by `stalledBefore` (one query). */
  stalledDeliveries(input: { stalledBefore: number }): Promise<AttentionFigure>;
  /** Notifications that could not be sent (one query). */
  failedNotifications(): Promise<AttentionFigure>;
  /** Pushes to HR systems that failed or wait on refused credentials. */
  failedPushes(): Promise<AttentionFigure>;
}
