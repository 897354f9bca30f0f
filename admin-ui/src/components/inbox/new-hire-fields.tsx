import { useState } from 'react';
import type { NewHireDetailResponse } from '../../../../src/contract/new-hires';
import { ErrorMessage } from '../error-message';
import { groupFields, type FieldDefinition } from './field-definitions';
import { NewHireFieldRow } from './new-hire-field-row';

/**
 * A new hire's fields by section (Basics, Job & role, Compensation, Employment, then any others), one
 * table per section; one field is edited at a time.
 */
export function NewHireFields(props: {
  readonly hire: NewHireDetailResponse;
  readonly definitions: readonly FieldDefinition[] | undefined;
  readonly definitionsError: unknown;
  readonly editable: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const sections = groupFields(props.definitions, Object.keys(props.hire.fields));
  return (
    <>
      {props.definitionsError !== null && props.definitionsError !== undefined && (
        <div className="notice">
          <p>The field list of this connection could not be loaded, so fields are shown by key.</p>
          <ErrorMessage error={props.definitionsError} />
        </div>
      )}
      {sections.map((section) => (
        <section key={section.id} className="card" aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{section.title}</h2>
          <table className="fields-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row) => (
                <NewHireFieldRow
                  key={row.key}
                  hire={props.hire}
                  row={row}
                  editable={props.editable}
                  editing={editing === row.key}
                  onEdit={setEditing}
                />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
