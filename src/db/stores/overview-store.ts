import type { Kysely } from 'kysely';
import type { OverviewSource } from '../../core/ports/overview-source.js';
import type { Dialect } from '../dialects/create-database.js';
import {
  readArrivalsPerPeriod,
  readFailedJobs,
  readFailedNotifications,
  readFailedPushes,
  readReviewQueue,
  readStalledDeliveries,
  readTimeToAdd,
  readUpcomingStarts,
} from '../repositories/overview.repository.js';
import type { Database } from '../tables/database.js';

/** The Overview page's figures, read outside any transaction (a dashboard needs no snapshot). */
export function overviewStore(db: Kysely<Database>, dialect: Dialect): OverviewSource {
  return {
    reviewQueue: (input) => readReviewQueue(db, input),
    upcomingStarts: (input) => readUpcomingStarts(db, dialect, input),
    arrivalsPerPeriod: (boundaries) => readArrivalsPerPeriod(db, boundaries),
    timeToAdd: (input) => readTimeToAdd(db, input),
    failedJobs: () => readFailedJobs(db),
    stalledDeliveries: (input) => readStalledDeliveries(db, input),
    failedNotifications: () => readFailedNotifications(db),
    failedPushes: () => readFailedPushes(db),
  };
}
