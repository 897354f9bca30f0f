import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import type { DestinationPreviewResponse } from './types';

interface MemberItem {
  readonly id: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

const nameOf = (m: MemberItem) =>
  [m.fields['firstName'], m.fields['lastName']].filter((v) => typeof v === 'string').join(' ') || m.id;

/**
 * What a push of a chosen member would send to this destination, with the saved mapping and settings.
 * Nothing is sent: the server runs the push's own planning and answers with the request bodies.
 */
export function PreviewPanel({
  destinationId,
  name,
}: {
  readonly destinationId: string;
  readonly name: string;
}) {
  const members = useApiQuery<{ items: MemberItem[] }>('/api/v1/members?limit=200');
  const [memberId, setMemberId] = useState('');
  const chosen = memberId || members.data?.items[0]?.id || '';
  const preview = useApiMutation<DestinationPreviewResponse>(() => ({
    path: `/api/v1/destinations/${encodeURIComponent(destinationId)}/preview`,
    method: 'POST',
    body: { memberId: chosen },
  }));
  const result = preview.data;
  return (
    <section className="card destination-preview" aria-labelledby="destination-preview-title">
      <h2 id="destination-preview-title">Preview for {name}</h2>
      <ErrorMessage error={members.error} />
      {members.data?.items.length === 0 && <p className="muted">No members yet: add one to preview it.</p>}
      {(members.data?.items.length ?? 0) > 0 && (
        <form
          className="admin-form-row"
          onSubmit={(e) => {
            e.preventDefault();
            preview.mutate();
          }}
        >
          <div className="field">
            <label htmlFor="preview-member">Member</label>
            <select id="preview-member" value={chosen} onChange={(e) => setMemberId(e.target.value)}>
              {members.data?.items.map((m) => (
                <option key={m.id} value={m.id}>
                  {nameOf(m)}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" disabled={preview.isPending || !chosen}>
              Preview
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={preview.error} />
      {result && (
        <div role="status" className="preview-result">
          <p>
            Nothing was sent. A push would make these {result.requests.length} requests to {name}:
          </p>
          {result.missing.length > 0 && (
            <div className="error">
              <p>The push would fail: {name} needs</p>
              <ul>
                {result.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          )}
          <ol className="preview-requests">
            {result.requests.map((r, i) => (
              <li key={`${i}-${r.step}`}>
                <h3>
                  {r.step}: <code>{`${r.method} ${r.path}`}</code>
                </h3>
                <pre tabIndex={0} aria-label={`Body of ${r.step}`}>
                  {JSON.stringify(r.body, null, 2)}
                </pre>
              </li>
            ))}
          </ol>
          {result.notes.length > 0 && (
            <>
              <h3>Notes</h3>
              <ul>
                {result.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
          {result.atPush.length > 0 && (
            <>
              <h3>Decided when pushing (needs {name})</h3>
              <ul>
                {result.atPush.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
