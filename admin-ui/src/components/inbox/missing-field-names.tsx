import { labelOf, useFieldDefinitions } from './field-definitions';

/**
 * The names of a new hire's missing required fields, for the list: labels from the connection's field
 * list (one cached request per connection, shared by every row), the key until it has loaded.
 */
export function MissingFieldNames(props: {
  readonly connectionId: string;
  readonly keys: readonly string[];
}) {
  const definitions = useFieldDefinitions(props.connectionId);
  if (props.keys.length === 0) return null;
  return (
    <span className="missing-names">
      {props.keys.map((key) => labelOf(key, definitions.data?.items)).join(', ')}
    </span>
  );
}
