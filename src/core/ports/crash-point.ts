/**
 * Named moments at which a test may make the process die abruptly, to prove that after a restart the
 * outcome is as if no crash had happened (reliability.md §6.2 Q2). Production code calls the port at
 * each moment; it does nothing unless HIREBRIDGE_CRASH_POINT (for testing only) arms one name.
 */
export const CRASH_POINTS = [
  /** Ingest: the delivery row and its import job are committed; the 2xx has not been sent. */
  'delivery-stored',
  /** Import: everything was read from Ashby and mapped; nothing is saved yet. */
  'import-fetched',
  /** Extension point for Add member: the member row has committed; its delivery jobs are not run yet. */
  'member-added',
  /** Extension point for document delivery: part of a file was downloaded from Ashby. */
  'file-downloading',
  /** Opening sync: Ashby created the opening; HireBridge has not recorded it yet. */
  'opening-created',
  /** Push: the person was created in a destination; its remote id is not recorded yet. */
  'push-created',
] as const;

export type CrashPointName = (typeof CRASH_POINTS)[number];

/** Called at each named moment; the armed one kills the process (SIGKILL, no cleanup). */
export type CrashPoint = (name: CrashPointName) => void;
