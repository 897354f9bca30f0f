import { useEffect, useRef, useState } from 'react';
import type { BulkResultResponse } from '../../../../src/contract/new-hire-bulk';
import type { NewHireResponse } from '../../../../src/contract/new-hires';
import { useApiMutation } from '../../api/hooks';
import { ConfirmDialog } from '../confirm-dialog';
import { ErrorMessage } from '../error-message';
import { newHireName } from './values';

type Action = 'add' | 'delete';

interface Outcome {
  readonly action: Action;
  readonly answer: BulkResultResponse;
  /** The names as they were when the batch was sent: a deleted hire has none afterwards. */
  readonly names: ReadonlyMap<string, string>;
}

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/**
 * Select all on this page, then "Add N members" or "Delete N hires" with one confirmation for the batch.
 * The server does each hire on its own and answers per hire, so the result names every hire it could not
 * do and why; those stay selected, to fix and try again.
 */
export function BulkActions(props: {
  /** The rows of this page that can be selected (hires in review). */
  readonly selectable: readonly NewHireResponse[];
  readonly selected: ReadonlySet<string>;
  readonly onSelect: (next: ReadonlySet<string>) => void;
}) {
  const chosen = props.selectable.filter((h) => props.selected.has(h.id));
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const add = useApiMutation<BulkResultResponse, string[]>(
    (ids) => ({ path: '/api/v1/new-hires/bulk-add-member', method: 'POST', body: { ids } }),
    ['/api/v1/new-hires', '/api/v1/members', '/api/v1/notifications', '/api/v1/pushes', '/api/v1/overview'],
  );
  const remove = useApiMutation<BulkResultResponse, string[]>(
    (ids) => ({ path: '/api/v1/new-hires/bulk-delete', method: 'POST', body: { ids } }),
    ['/api/v1/new-hires', '/api/v1/notifications', '/api/v1/overview'],
  );
  const mutation = confirming === 'delete' ? remove : add;
  const all = props.selectable.length > 0 && chosen.length === props.selectable.length;
  const some = chosen.length > 0 && !all;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = some;
  }, [some]);
  const incomplete = chosen.filter((h) => h.missingRequired.length > 0).length;
  const n = chosen.length;

  const run = (action: Action) => {
    const names = new Map(chosen.map((h) => [h.id, newHireName(h.fields)]));
    (action === 'add' ? add : remove).mutate(
      chosen.map((h) => h.id),
      {
        onSuccess: (answer) => {
          setConfirming(null);
          setOutcome({ action, answer, names });
          // The hires that were not done stay selected; the done ones leave the selection.
          props.onSelect(new Set(answer.items.filter((i) => !i.ok).map((i) => i.id)));
        },
      },
    );
  };
  const cancel = () => {
    add.reset();
    remove.reset();
    setConfirming(null);
  };

  return (
    <div className="bulk-actions">
      <div className="bulk-bar" role="group" aria-label="Selected new hires">
        <label className="inline-check">
          <input
            ref={selectAll}
            type="checkbox"
            checked={all}
            disabled={props.selectable.length === 0}
            onChange={(e) =>
              props.onSelect(new Set(e.target.checked ? props.selectable.map((h) => h.id) : []))
            }
          />{' '}
          Select all on this page
        </label>
        {n > 0 && (
          <>
            <span className="muted">{n} selected</span>
            <button type="button" className="primary small" onClick={() => setConfirming('add')}>
              Add {plural(n, 'member', 'members')}
            </button>
            <button type="button" className="danger small" onClick={() => setConfirming('delete')}>
              Delete {plural(n, 'hire', 'hires')}
            </button>
            <button type="button" className="small" onClick={() => props.onSelect(new Set())}>
              Clear selection
            </button>
          </>
        )}
      </div>
      {outcome && <BulkOutcome outcome={outcome} onDismiss={() => setOutcome(null)} />}
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming === 'delete'
            ? `Delete ${plural(n, 'new hire', 'new hires')}?`
            : `Add ${plural(n, 'new hire', 'new hires')} to the directory?`
        }
        confirmLabel={
          confirming === 'delete'
            ? `Delete ${plural(n, 'hire', 'hires')}`
            : `Add ${plural(n, 'member', 'members')}`
        }
        danger={confirming === 'delete'}
        busy={mutation.isPending}
        onCancel={cancel}
        onConfirm={() => confirming && run(confirming)}
      >
        {confirming === 'delete' ? (
          <p>
            Their personal data, documents and history are removed from HireBridge. Only a record that each
            application was deleted is kept, so Ashby will not bring them back.
          </p>
        ) : (
          <p>
            Each becomes a member and is pushed to every enabled destination.
            {incomplete > 0 &&
              ` ${plural(incomplete, 'of them has', 'of them have')} required fields missing and will not be added.`}
          </p>
        )}
        <ul className="bulk-names">
          {chosen.map((h) => (
            <li key={h.id}>{newHireName(h.fields)}</li>
          ))}
        </ul>
        <ErrorMessage error={mutation.error} />
      </ConfirmDialog>
    </div>
  );
}

/** What the batch did: how many were done, and each hire that was not, with the reason. */
function BulkOutcome(props: { readonly outcome: Outcome; readonly onDismiss: () => void }) {
  const { action, answer, names } = props.outcome;
  const failed = answer.items.filter((i) => !i.ok);
  const verb = action === 'add' ? 'Added to the directory' : 'Deleted';
  return (
    <div role="status" className={failed.length > 0 ? 'notice bulk-outcome' : 'success bulk-outcome'}>
      <p>
        {verb}: {answer.done} of {answer.items.length}.
        {failed.length > 0 && ` Not ${action === 'add' ? 'added' : 'deleted'} (still selected):`}
      </p>
      {failed.length > 0 && (
        <ul>
          {failed.map((i) => (
            <li key={i.id}>
              <strong>{names.get(i.id) ?? 'A new hire'}</strong>: {i.ok ? '' : i.problem}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="small" onClick={props.onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
