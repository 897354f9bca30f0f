import { notFound } from '../core/errors/app-error.js';
import { defaultMapping } from '../core/mapping/default-mapping.js';
import type { MappingSpec } from '../core/mapping/mapping-spec.js';
import { mappingTargets } from '../core/mapping/target-fields.js';
import type { FieldDefinition } from '../core/model/new-hire-fields.js';
import type { MappingRevision } from '../core/ports/mapping-store.js';
import type { MappingDeps } from './mapping-deps.js';

/** A connection's mapping as admins see it. */
export interface MappingView {
  readonly connectionId: string;
  /** The saved revision in force; `null` while the connection uses the built-in default mapping. */
  readonly revision: number | null;
  readonly savedAt: number | null;
  readonly savedBy: string | null;
  readonly spec: MappingSpec;
  /** Every field a new hire imported with this mapping can carry: canonical fields, then custom targets. */
  readonly targets: readonly FieldDefinition[];
}

export function mappingView(connectionId: string, stored: MappingRevision | undefined): MappingView {
  const spec = stored?.spec ?? defaultMapping();
  return {
    connectionId,
    revision: stored?.revision ?? null,
    savedAt: stored?.savedAt ?? null,
    savedBy: stored?.savedBy ?? null,
    spec,
    targets: mappingTargets(spec),
  };
}

export async function getMapping(
  deps: Pick<MappingDeps, 'mappings' | 'connections'>,
  connectionId: string,
): Promise<MappingView> {
  if (!(await deps.connections.find(connectionId))) throw notFound('Ashby connection');
  return mappingView(connectionId, await deps.mappings.current(connectionId));
}
