import type { AdminData, AdminUnits } from '../core/ports/admin-units.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { Actor } from './actor.js';

export interface AuditedDeps {
  readonly units: AdminUnits;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** What an audit entry says about the action (the actor, id and time are added). */
export interface AuditTarget {
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly details?: Record<string, unknown>;
}

/**
 * Runs an admin action and writes its audit entry in the same transaction: the action and its record
 * commit together or not at all. `work` returns its result and the entry (null: nothing to record).
 */
export function audited<T>(
  deps: AuditedDeps,
  actor: Actor,
  work: (data: AdminData) => Promise<readonly [T, AuditTarget | null]>,
): Promise<T> {
  return deps.units.transaction(async (data) => {
    const [result, target] = await work(data);
    if (target)
      await data.audit({
        id: deps.ids.newId(),
        at: deps.clock.now(),
        actor,
        action: target.action,
        targetType: target.targetType,
        targetId: target.targetId,
        details: target.details ?? {},
      });
    return result;
  });
}
