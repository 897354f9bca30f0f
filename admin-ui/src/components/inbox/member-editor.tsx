import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { CalendarDate } from '../time';
import { MemberHistory } from './member-history';
import { MemberCombobox } from './member-combobox';
import { memberName, type MemberDetail } from './member-types';

const EDITABLE = [
  { key: 'workEmail', label: 'Work email', type: 'email' },
  { key: 'employeeId', label: 'Employee id', type: 'text' },
  { key: 'jobTitle', label: 'Job title', type: 'text' },
  { key: 'department', label: 'Department', type: 'text' },
  { key: 'location', label: 'Location', type: 'text' },
] as const;

type ManagerChoice =
  | { readonly kind: 'keep' }
  | { readonly kind: 'member'; readonly id: string }
  | { readonly kind: 'nobody' }
  /** Text typed but no member chosen: not saved. */
  | { readonly kind: 'typed' };

/**
 * Edit a member (work email, employee id, title, department, location, manager), archive or offboard
 * them with an end date, and read what people changed. A refused edit shows the server's reason and the
 * stored values stay as they were.
 */
export function MemberEditor({ member }: { readonly member: MemberDetail }) {
  const path = `/api/v1/members/${encodeURIComponent(member.id)}`;
  const text = (key: string) => {
    const value =
      key === 'department'
        ? member.department?.name
        : key === 'location'
          ? member.location?.name
          : member.fields[key];
    return typeof value === 'string' ? value : '';
  };
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(EDITABLE.map((f) => [f.key, text(f.key)])),
  );
  // The manager: kept as it is until a member is chosen from the list or the box is emptied (nobody).
  const [manager, setManager] = useState<ManagerChoice>({ kind: 'keep' });
  const [endDate, setEndDate] = useState(
    typeof member.fields['employmentEndDate'] === 'string' ? member.fields['employmentEndDate'] : '',
  );
  const current = useApiQuery<MemberDetail>(
    member.managerId ? `/api/v1/members/${encodeURIComponent(member.managerId)}` : undefined,
  );
  const save = useApiMutation<MemberDetail, Record<string, unknown>>(
    (body) => ({ path, method: 'PATCH', body }),
    ['/api/v1/members'],
  );
  const savedEnd =
    typeof member.fields['employmentEndDate'] === 'string' ? member.fields['employmentEndDate'] : '';
  const status =
    typeof member.fields['employmentStatus'] === 'string' ? member.fields['employmentStatus'] : 'active';
  const managerName = member.managerId ? (current.data ? memberName(current.data) : undefined) : '';
  return (
    <section className="card member-editor" aria-labelledby="member-edit-title">
      <h2 id="member-edit-title">Edit member</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (manager.kind === 'typed') return;
          save.mutate({
            fields: Object.fromEntries(EDITABLE.map((f) => [f.key, values[f.key]?.trim() || null])),
            managerId:
              manager.kind === 'member' ? manager.id : manager.kind === 'nobody' ? null : member.managerId,
          });
        }}
      >
        <div className="grid-2">
          {EDITABLE.map((f) => (
            <div className="field" key={f.key}>
              <label htmlFor={`member-${f.key}`}>{f.label}</label>
              <input
                id={`member-${f.key}`}
                type={f.type}
                maxLength={500}
                value={values[f.key] ?? ''}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              />
            </div>
          ))}
          <div className="field">
            {current.error ? (
              <ErrorMessage error={current.error} />
            ) : managerName === undefined ? (
              <p className="muted">Loading the manager…</p>
            ) : (
              <MemberCombobox
                id="member-manager"
                label="Reports to"
                initialText={managerName}
                excludeId={member.id}
                describedBy="member-manager-hint"
                invalid={manager.kind === 'typed'}
                onChange={({ text: typed, member: chosen }) =>
                  setManager(
                    chosen
                      ? { kind: 'member', id: chosen.id }
                      : typed.trim() === ''
                        ? { kind: 'nobody' }
                        : { kind: 'typed' },
                  )
                }
              />
            )}
            <p id="member-manager-hint" className={manager.kind === 'typed' ? 'field-problem' : 'hint'}>
              {manager.kind === 'typed'
                ? 'Choose a member from the list, or empty the box for nobody; until then the saved manager is kept.'
                : 'Type a name or email to search the directory; empty the box for nobody.'}
            </p>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending || manager.kind === 'typed'}>
            Save changes
          </button>
        </div>
      </form>
      <h3>Status</h3>
      <p>
        {status === 'active' ? (
          'Active.'
        ) : (
          <>
            {status === 'offboarded' ? 'Offboarded' : 'Archived'}
            {savedEnd && (
              <>
                , last day <CalendarDate date={savedEnd} />
              </>
            )}
            .
          </>
        )}
      </p>
      <div className="field">
        <label htmlFor="member-end-date">End date (last working day)</label>
        <input
          id="member-end-date"
          type="date"
          value={endDate}
          onChange={(e) => setEndDate(e.target.value)}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={save.isPending}
          onClick={() => save.mutate({ status: 'offboarded', endDate: endDate || null })}
        >
          Offboard
        </button>
        <button
          type="button"
          disabled={save.isPending}
          onClick={() => save.mutate({ status: 'archived', ...(endDate ? { endDate } : {}) })}
        >
          Archive
        </button>
        {status !== 'active' && (
          <button type="button" disabled={save.isPending} onClick={() => save.mutate({ status: 'active' })}>
            Make active again
          </button>
        )}
      </div>
      <ErrorMessage error={save.error} />
      {save.isSuccess && (
        <p role="status" className="success">
          Saved.
        </p>
      )}
      <h3>History</h3>
      <MemberHistory memberId={member.id} />
    </section>
  );
}
