import { useState } from 'react';
import type { BackfillResponse } from '../../../../src/contract/backfill';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { CalendarDate } from '../time';
import { BackfillProgress } from './backfill-progress';
import { SyncNow } from './sync-now';

/**
 * Import the hires Ashby already has. By default only those starting today or later: people who started
 * long ago are already in every system. A date or "Include past hires" changes that. One digest email
 * announces what arrived, instead of an alert per hire.
 */
export function BackfillCard({ connectionId }: { readonly connectionId: string }) {
  const [since, setSince] = useState('');
  const [includePast, setIncludePast] = useState(false);
  const backfill = useApiMutation<BackfillResponse>(
    () => ({
      path: `/api/v1/connections/${encodeURIComponent(connectionId)}/backfill`,
      method: 'POST',
      body: includePast ? { includePast: true } : since ? { since } : {},
    }),
    [
      '/api/v1/new-hires',
      '/api/v1/overview',
      `/api/v1/connections/${encodeURIComponent(connectionId)}/backfill`,
    ],
  );
  const id = (name: string) => `backfill-${name}-${connectionId}`;
  const result = backfill.data;
  return (
    <section className="card" aria-labelledby={id('title')}>
      <h2 id={id('title')}>Import hires Ashby already has</h2>
      <p className="hint">
        Hires starting today or later are imported into New hires for review; one email tells the recipients
        when they have arrived.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          backfill.mutate();
        }}
      >
        <div className="field">
          <label htmlFor={id('since')}>Starting on or after (optional)</label>
          <input
            id={id('since')}
            type="date"
            value={since}
            disabled={includePast}
            onChange={(e) => setSince(e.target.value)}
          />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={includePast} onChange={(e) => setIncludePast(e.target.checked)} />{' '}
            Include past hires
          </label>
        </div>
        <ErrorMessage error={backfill.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={backfill.isPending}>
            {backfill.isPending ? 'Asking Ashby…' : 'Import hires'}
          </button>
        </div>
      </form>
      {result && (
        <p role="status" className="success">
          {result.found} hired applications found in Ashby; {result.queued} imports queued.{' '}
          {result.startsOnOrAfter === null ? (
            'Every hire is imported, whatever its start date.'
          ) : (
            <>
              Hires starting before <CalendarDate date={result.startsOnOrAfter} /> are skipped.
            </>
          )}
        </p>
      )}
      <BackfillProgress connectionId={connectionId} />
      <SyncNow connectionId={connectionId} />
    </section>
  );
}
