import type { NewHireDetailResponse } from '../../../../src/contract/new-hires';
import { Time } from '../time';
import { labelOf, type FieldDefinition } from './field-definitions';
import { FieldChange } from './field-change';
import { actorName } from '../actor-name';

type Entry = NewHireDetailResponse['history'][number];

const KINDS: Readonly<Record<string, string>> = {
  imported: 'Imported from Ashby',
  ashby_update: 'Updated from Ashby',
  edited: 'Edited',
  added: 'Added as a member',
  deleted: 'Deleted',
  restored: 'Restored',
};

/** What happened to a new hire, newest first: who, when, and which fields changed from what to what. */
export function NewHireHistory(props: {
  readonly history: readonly Entry[];
  readonly definitions: readonly FieldDefinition[] | undefined;
}) {
  const entries = [...props.history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing has happened to this new hire yet.</p>
      ) : (
        <ol className="history">
          {entries.map((entry, index) => {
            const changes = Object.entries(entry.changes);
            const list = (
              <ul className="changes">
                {changes.map(([key, change]) => (
                  <FieldChange
                    key={key}
                    label={labelOf(key, props.definitions)}
                    type={props.definitions?.find((d) => d.key === key)?.type}
                    from={change.from}
                    to={change.to}
                  />
                ))}
              </ul>
            );
            return (
              <li key={`${entry.at}-${String(index)}`}>
                <strong>{KINDS[entry.kind] ?? entry.kind}</strong> by {actorName(entry.actor)},{' '}
                <Time iso={entry.at} />
                {changes.length > 0 &&
                  (changes.length > 4 ? (
                    <details>
                      <summary>{changes.length} fields</summary>
                      {list}
                    </details>
                  ) : (
                    list
                  ))}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
