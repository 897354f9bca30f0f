import type { NewHireDetailResponse } from '../../../../src/contract/new-hires';
import type { FieldRowSpec } from './field-definitions';
import { FieldEditor } from './field-editor';
import { PersonFieldEditor } from './person-field-editor';
import { ReportingResolution } from './reporting-resolution';
import { RevertFieldButton } from './revert-field-button';
import { ValueText } from './value-text';
import { sourceText } from './values';

type Hire = NewHireDetailResponse;

/**
 * One row of the review table: label (with "required"), value or "Missing", where the value came from,
 * Ashby's problem with it if any, and Edit while the new hire is in review.
 */
export function NewHireFieldRow(props: {
  readonly hire: Hire;
  readonly row: FieldRowSpec;
  readonly editable: boolean;
  readonly editing: boolean;
  readonly onEdit: (key: string | null) => void;
}) {
  const { hire, row } = props;
  const field = hire.fields[row.key];
  const missing = hire.missingRequired.includes(row.key);
  const edited = hire.editedFields.includes(row.key);
  const required = row.definition?.required ?? missing;
  return (
    <tr className={missing ? 'missing' : undefined} id={`field-${row.key}`}>
      <th scope="row">
        {row.label}
        {required && <span className="required-marker"> required</span>}
        {row.definition?.custom && <span className="badge custom">custom</span>}
      </th>
      <td>
        {props.editing && (row.definition?.type === 'person' || row.key === 'reportingTo') ? (
          <PersonFieldEditor
            newHireId={hire.id}
            fieldKey={row.key}
            label={row.label}
            value={field?.value ?? null}
            onDone={() => props.onEdit(null)}
          />
        ) : props.editing ? (
          <FieldEditor
            newHireId={hire.id}
            row={row}
            value={field?.value ?? null}
            onDone={() => props.onEdit(null)}
          />
        ) : missing ? (
          <strong className="missing-text">Missing</strong>
        ) : (
          <ValueText value={field?.value ?? null} type={row.definition?.type} />
        )}
        {field?.error && (
          <p className="field-problem">Ashby&apos;s value could not be used: {field.error.message}</p>
        )}
        {row.key === 'reportingTo' && !props.editing && (
          <ReportingResolution
            match={hire.reportingTo}
            onChoose={props.editable ? () => props.onEdit(row.key) : undefined}
          />
        )}
      </td>
      <td className="source">
        {field ? <span className="muted">{sourceText(field.source)}</span> : <span className="muted">—</span>}
        {edited && <span className="badge">edited by reviewer</span>}
        {field?.source.usedDefault && <span className="badge custom">default</span>}
      </td>
      <td className="row-actions">
        {props.editable && !props.editing && (
          <button
            type="button"
            className="small"
            aria-label={`Edit ${row.label}`}
            onClick={() => props.onEdit(row.key)}
          >
            Edit
          </button>
        )}
        {props.editable && !props.editing && edited && (
          <RevertFieldButton newHireId={hire.id} fieldKey={row.key} label={row.label} />
        )}
      </td>
    </tr>
  );
}
