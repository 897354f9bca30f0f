import { displayNameOf } from '../core/names/display-name.js';
import type { Clock } from '../core/ports/clock.js';
import type { AttentionFigure, OverviewSource } from '../core/ports/overview-source.js';

const DAY_MS = 86_400_000;

/** Review-queue ages the page counts: waiting a day or more, three days or more, a week or more. */
export const REVIEW_AGE_THRESHOLDS = [
  { label: '1 day', ms: DAY_MS },
  { label: '3 days', ms: 3 * DAY_MS },
  { label: '7 days', ms: 7 * DAY_MS },
] as const;
/** A webhook delivery whose import has not finished this long after it arrived needs a look. */
const STALLED_AFTER_MS = 15 * 60_000;
const UPCOMING_DAYS = 30;
const MONTHS = 12;
const LIST_LIMIT = 10;
const UPCOMING_LIMIT = 50;

export interface Overview {
  readonly generatedAt: number;
  readonly review: {
    readonly total: number;
    readonly olderThan: readonly { readonly label: string; readonly count: number }[];
    readonly oldest: readonly {
      readonly id: string;
      readonly name: string | null;
      readonly arrivedAt: number;
    }[];
  };
  readonly upcomingStarts: {
    readonly from: string;
    readonly to: string;
    readonly items: readonly {
      readonly id: string;
      readonly name: string | null;
      readonly startDate: string;
      readonly status: 'in_review' | 'added';
    }[];
  };
  /** Oldest month first; `month` is YYYY-MM (UTC). */
  readonly hiresPerMonth: readonly { readonly month: string; readonly count: number }[];
  readonly timeToAdd: { readonly count: number; readonly medianMs: number | null; readonly since: number };
  readonly attention: { readonly total: number; readonly items: readonly AttentionFigure[] };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const nameOf = (fields: string) => {
  const values = JSON.parse(fields) as Record<string, { value?: unknown } | undefined>;
  return displayNameOf((key) => values[key]?.value);
};

/** The start of each UTC month from `months - 1` months before `now`'s month to the next month. */
function monthBoundaries(now: number, months: number): number[] {
  const today = new Date(now);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  return Array.from({ length: months + 1 }, (_, i) => Date.UTC(year, month - (months - 1) + i, 1));
}

/**
 * The landing page of admins and inbox managers: the review queue and its age, start dates in the next
 * 30 days, hires per month over the last 12 months, the median time from arrival to Add member, and
 * what failed and waits for someone. Each figure is one query; days and months are UTC.
 */
export async function readOverview(deps: {
  readonly overview: OverviewSource;
  readonly clock: Clock;
}): Promise<Overview> {
  const now = deps.clock.now();
  const from = isoDate(now);
  const to = isoDate(now + UPCOMING_DAYS * DAY_MS);
  const boundaries = monthBoundaries(now, MONTHS);
  const since = boundaries[0]!;
  const { overview } = deps;
  const [review, upcoming, perMonth, timeToAdd, jobs, stalled, notifications, pushes] = await Promise.all([
    overview.reviewQueue({
      now,
      thresholdsMs: REVIEW_AGE_THRESHOLDS.map((t) => t.ms),
      oldestLimit: LIST_LIMIT,
    }),
    overview.upcomingStarts({ from, to, limit: UPCOMING_LIMIT }),
    overview.arrivalsPerPeriod(boundaries),
    overview.timeToAdd({ since }),
    overview.failedJobs(),
    overview.stalledDeliveries({ stalledBefore: now - STALLED_AFTER_MS }),
    overview.failedNotifications(),
    overview.failedPushes(),
  ]);
  const attention = [...jobs, stalled, notifications, pushes];
  return {
    generatedAt: now,
    review: {
      total: review.total,
      olderThan: REVIEW_AGE_THRESHOLDS.map((t, i) => ({ label: t.label, count: review.olderThan[i] ?? 0 })),
      oldest: review.oldest.map((r) => ({ id: r.id, name: nameOf(r.fields), arrivedAt: r.arrivedAt })),
    },
    upcomingStarts: {
      from,
      to,
      items: upcoming.map((r) => ({
        id: r.id,
        name: nameOf(r.fields),
        startDate: r.startDate,
        status: r.status,
      })),
    },
    hiresPerMonth: perMonth.map((count, i) => ({ month: isoDate(boundaries[i]!).slice(0, 7), count })),
    timeToAdd: { ...timeToAdd, since },
    attention: { total: attention.reduce((sum, a) => sum + a.count, 0), items: attention },
  };
}
