import { CUSTOM_FIELD_OBJECTS, type CustomFieldSource } from '../core/mapping/mapping-spec.js';
import type { CustomFieldDefinition } from '../core/mapping/source-bundle.js';
import { gatewayOf, type MappingDeps } from './mapping-deps.js';

export interface AshbyField extends CustomFieldDefinition {
  /** The rule source that reads this field, ready to paste into a mapping; `null` for objects a rule
   * cannot read (openings, ...). */
  readonly source: CustomFieldSource | null;
}

/** The Ashby custom fields a mapping can use, from customField.list (cached unless `fresh`). */
export async function listAshbyFields(
  deps: Pick<MappingDeps, 'gatewayFor'>,
  input: { connectionId: string; fresh: boolean },
): Promise<AshbyField[]> {
  const gateway = await gatewayOf(deps, input.connectionId);
  const definitions = await gateway.customFieldDefinitions({ fresh: input.fresh });
  return definitions.map((d) => {
    const object = CUSTOM_FIELD_OBJECTS.find((o) => o === d.objectType.toLowerCase());
    return { ...d, source: object === undefined ? null : { customField: { object, fieldId: d.id } } };
  });
}
