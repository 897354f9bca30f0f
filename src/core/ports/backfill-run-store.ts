/** The last backfill of one Ashby connection, as far as it got. */
export interface BackfillRun {
  readonly connectionId: string;
  readonly startedAt: number;
  readonly startedBy: string;
  readonly startsOnOrAfter: string | null;
  readonly pages: number;
  readonly found: number;
  readonly queued: number;
  /** When listing Ashby's hires ended; null while it runs. */
  readonly listedAt: number | null;
  readonly error: string | null;
}

/** Where backfills keep their progress, so every browser (and a reload) sees the same run. */
export interface BackfillRunStore {
  /** Replaces the connection's last run with a new one. */
  start(run: BackfillRun): Promise<void>;
  /** Progress of the run that started at `startedAt` (a newer run is left alone). */
  update(
    connectionId: string,
    startedAt: number,
    progress: Pick<BackfillRun, 'pages' | 'found' | 'queued' | 'listedAt' | 'error'>,
  ): Promise<void>;
  latest(connectionId: string): Promise<BackfillRun | undefined>;
  /** New hires of the connection created at or after `since` (what a backfill brought in). */
  newHiresSince(connectionId: string, since: number): Promise<number>;
}
