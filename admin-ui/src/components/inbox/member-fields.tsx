import { groupFields, type FieldDefinition } from './field-definitions';
import { ValueText } from './value-text';

/** A member's fields by section, read-only (the directory keeps what was added and accepted). */
export function MemberFields(props: {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly definitions: readonly FieldDefinition[] | undefined;
}) {
  const sections = groupFields(props.definitions, Object.keys(props.fields));
  return (
    <>
      {sections.map((section) => (
        <section key={section.id} className="card" aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{section.title}</h2>
          <table className="fields-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    {row.label}
                    {row.definition?.custom && <span className="badge custom">custom</span>}
                  </th>
                  <td>
                    <ValueText value={props.fields[row.key] ?? null} type={row.definition?.type} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
