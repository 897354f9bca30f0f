import { AppError } from '../core/errors/app-error.js';
import { defaultMapping } from '../core/mapping/default-mapping.js';
import type { MappingRevision } from '../core/ports/mapping-store.js';
import type { Actor } from './actor.js';
import { checkMapping } from './check-mapping.js';
import { mappingView, type MappingView } from './get-mapping.js';
import { gatewayOf, type MappingDeps } from './mapping-deps.js';
import { mappingChanges } from './mapping-changes.js';

/**
 * Replaces a connection's mapping with a new revision, after checking it against the connection's
 * Ashby custom fields; an invalid mapping is refused whole with every problem named. It applies to new
 * hires imported from then on; those already in the inbox keep their fields until reimported. Saving
 * the mapping already in force changes nothing, so `mapping set` can be rerun safely.
 */
export async function saveMapping(
  deps: MappingDeps,
  input: { connectionId: string; mapping: unknown; actor: Actor },
): Promise<MappingView> {
  const { connectionId, actor } = input;
  const spec = await checkMapping(await gatewayOf(deps, connectionId), input.mapping);
  const previous = await deps.mappings.current(connectionId);
  if (previous && JSON.stringify(previous.spec) === JSON.stringify(spec))
    return mappingView(connectionId, previous);
  const at = deps.clock.now();
  const next: MappingRevision = {
    connectionId,
    revision: (previous?.revision ?? 0) + 1,
    spec,
    savedAt: at,
    savedBy: actor,
  };
  const saved = await deps.mappings.save(next, {
    id: deps.ids.newId(),
    at,
    actor,
    action: 'mapping.save',
    targetType: 'connection',
    targetId: connectionId,
    details: { revision: next.revision, ...mappingChanges(previous?.spec ?? defaultMapping(), spec) },
  });
  if (!saved) {
    throw new AppError(
      'conflict',
      'The mapping was saved by someone else at the same moment; read it again and reapply your change',
    );
  }
  return mappingView(connectionId, next);
}
