export const JOB_STATES = ['available', 'running', 'completed', 'dead'] as const;
export type JobStateName = (typeof JOB_STATES)[number];

/** A queue job as operators see it (API and CLI). */
export interface JobView {
  readonly id: string;
  readonly kind: string;
  readonly state: JobStateName;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly runAt: number;
  readonly uniqueKey: string | null;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly finishedAt: number | null;
}
