import { notFound } from '../core/errors/app-error.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { Actor } from './actor.js';
import { reconcileAshby, type ReconcileDeps, type ReconcileResult } from './reconcile-ashby.js';

/**
 * "Sync now": the periodic reconciliation run at once for one connection (hires whose webhooks never
 * arrived are queued for import, once each), audited with what it found.
 */
export async function syncAshbyNow(
  deps: ReconcileDeps & { readonly inbox: InboxStore; readonly ids: IdGenerator },
  input: { connectionId: string; actor: Actor },
): Promise<ReconcileResult> {
  const result = await reconcileAshby(deps, { connectionId: input.connectionId });
  if (!result) throw notFound('Ashby connection');
  await deps.inbox.transaction((data) =>
    data.audit({
      id: deps.ids.newId(),
      at: deps.clock.now(),
      actor: input.actor,
      action: 'connection.sync',
      targetType: 'connection',
      targetId: input.connectionId,
      details: { mode: result.mode, seen: result.seen, hired: result.hired, queued: result.queued },
    }),
  );
  return result;
}
