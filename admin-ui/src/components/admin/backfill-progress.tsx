import type { BackfillStatusResponse } from '../../../../src/contract/backfill-status';
import { useApiQuery } from '../../api/hooks';
import { actorName } from '../actor-name';
import { ErrorMessage } from '../error-message';
import { CalendarDate, Time } from '../time';

type Run = NonNullable<BackfillStatusResponse['run']>;

const hires = (n: number) => `${String(n)} ${n === 1 ? 'hire' : 'hires'}`;

/**
 * The connection's last backfill as the server keeps it, polled while it runs: a progress bar of the
 * imports done, with hires found, imported and skipped. Read from the server, so a reload (or another
 * admin's browser) shows the same run.
 */
export function BackfillProgress({ connectionId }: { readonly connectionId: string }) {
  const path = `/api/v1/connections/${encodeURIComponent(connectionId)}/backfill`;
  const status = useApiQuery<BackfillStatusResponse>(path, { refetchIntervalMs: 2_000 });
  if (status.error) return <ErrorMessage error={status.error} />;
  const run = status.data?.run;
  if (!run) return null;
  return <RunProgress run={run} />;
}

function RunProgress({ run }: { readonly run: Run }) {
  const done = run.queued - run.waiting;
  const label = run.finished
    ? 'Last backfill finished'
    : run.listed
      ? 'Backfill importing'
      : 'Backfill reading Ashby';
  return (
    <div className="backfill-progress" aria-labelledby="backfill-progress-label">
      <p id="backfill-progress-label">
        <strong>{label}</strong> (started <Time iso={run.startedAt} /> by {actorName(run.startedBy)}
        {run.startsOnOrAfter === null ? (
          ', past hires included'
        ) : (
          <>
            , hires starting from <CalendarDate date={run.startsOnOrAfter} />
          </>
        )}
        )
      </p>
      <progress
        aria-labelledby="backfill-progress-label"
        max={Math.max(run.queued, 1)}
        value={run.listed && run.queued === 0 ? 1 : done}
      />
      <p role="status" className="muted">
        {hires(run.found)} found in Ashby · {run.queued} imports queued · {hires(run.imported)} imported ·{' '}
        {run.skipped} skipped or already there
        {run.waiting > 0 ? ` · ${String(run.waiting)} waiting` : ''}
      </p>
      {run.error && <p className="field-problem">{run.error}</p>}
    </div>
  );
}
