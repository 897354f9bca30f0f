import { useState } from 'react';
import { Link } from 'react-router';
import type { ReapplyMappingResponse } from '../../../../src/contract/mapping-reapply';
import type { MappingTargetResponse } from '../../../../src/contract/mapping';
import { useApiMutation } from '../../api/hooks';
import { ConfirmDialog } from '../confirm-dialog';
import { ErrorMessage } from '../error-message';
import { FieldChange } from '../inbox/field-change';
import { Changeable } from './changeable';

/**
 * The saved mapping applied to the hires still in review: "Preview changes" reads them from Ashby and
 * lists, hire by hire, the fields that would change (a reviewer's edits are left out: they win); "Apply"
 * asks once, then reimports each on the queue.
 */
export function ReapplyMapping(props: {
  readonly connectionId: string;
  readonly targets: readonly MappingTargetResponse[];
  readonly justSaved: boolean;
}) {
  const path = `/api/v1/connections/${encodeURIComponent(props.connectionId)}/mapping/reapply`;
  const preview = useApiMutation<ReapplyMappingResponse>(() => ({
    path,
    method: 'POST',
    body: { preview: true },
  }));
  const apply = useApiMutation<ReapplyMappingResponse>(
    () => ({ path, method: 'POST', body: { preview: false } }),
    ['/api/v1/new-hires'],
  );
  const [confirming, setConfirming] = useState(false);
  const labelOf = (key: string) => props.targets.find((t) => t.key === key)?.label ?? key;
  const typeOf = (key: string) => props.targets.find((t) => t.key === key)?.type;
  const result = preview.data;
  const changing = result?.items.filter((i) => Object.keys(i.changes).length > 0) ?? [];
  const hires = (n: number) => `${String(n)} ${n === 1 ? 'hire' : 'hires'}`;
  return (
    <section className="card" aria-labelledby="reapply-title">
      <h2 id="reapply-title">Hires still in review</h2>
      <p className="hint">
        {props.justSaved ? 'The mapping is saved. ' : ''}
        Hires already in review keep the fields they were imported with until you apply the saved mapping to
        them. Each is read from Ashby again; fields a reviewer edited keep the reviewer&apos;s value.
      </p>
      <Changeable>
        <div className="actions">
          <button
            type="button"
            disabled={preview.isPending}
            onClick={() => {
              apply.reset();
              preview.mutate();
            }}
          >
            {preview.isPending ? 'Reading from Ashby…' : 'Preview changes'}
          </button>
          {result && result.inReview > 0 && (
            <button
              type="button"
              className="primary"
              disabled={apply.isPending}
              onClick={() => setConfirming(true)}
            >
              Apply to {hires(result.inReview)}
            </button>
          )}
        </div>
      </Changeable>
      <ErrorMessage error={preview.error} />
      <ErrorMessage error={apply.error} />
      {result && !apply.data && (
        <div role="status" className="admin-preview">
          <p>
            {result.inReview === 0
              ? 'No hires of this connection are in review.'
              : `${hires(result.inReview)} in review; of the ${String(result.items.length)} read from Ashby, ${String(changing.length)} would change.`}
          </p>
          {changing.length > 0 && (
            <ul className="admin-plain-list">
              {changing.map((item) => (
                <li key={item.newHireId}>
                  <Link to={`/new-hires/${encodeURIComponent(item.newHireId)}`}>
                    {item.name ?? 'Unnamed candidate'}
                  </Link>
                  <ul className="changes">
                    {Object.entries(item.changes).map(([key, change]) => (
                      <FieldChange
                        key={key}
                        label={labelOf(key)}
                        from={change.from}
                        to={change.to}
                        type={typeOf(key)}
                      />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          {result.items
            .filter((i) => i.problem !== null)
            .map((i) => (
              <p key={i.newHireId} className="muted">
                {i.name ?? 'Unnamed candidate'}: {i.problem}
              </p>
            ))}
        </div>
      )}
      {apply.data && (
        <p role="status" className="success">
          Queued {hires(apply.data.queued ?? 0)} to be read again with the saved mapping
          {(apply.data.queued ?? 0) < apply.data.inReview
            ? ' (the others were already waiting for an import)'
            : ''}
          . The New hires list shows the result in a moment.
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Apply the saved mapping to ${hires(result?.inReview ?? 0)}?`}
        confirmLabel="Apply"
        busy={apply.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => apply.mutate(undefined, { onSettled: () => setConfirming(false) })}
      >
        <p>
          Each hire in review is read from Ashby again and mapped with the saved mapping. Fields a reviewer
          edited keep the reviewer&apos;s value. No alerts are sent.
        </p>
      </ConfirmDialog>
    </section>
  );
}
