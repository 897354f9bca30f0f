import { defaultMapping } from '../core/mapping/default-mapping.js';
import type { MappingSpec } from '../core/mapping/mapping-spec.js';
import type { MappingStore } from '../core/ports/mapping-store.js';

/** The mapping in force for a connection: its newest saved revision, else the default mapping. */
export async function currentMapping(
  mappings: Pick<MappingStore, 'current'>,
  connectionId: string,
): Promise<MappingSpec> {
  return (await mappings.current(connectionId))?.spec ?? defaultMapping();
}
