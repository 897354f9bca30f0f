import type { MappingResult } from '../core/mapping/evaluate-mapping.js';
import type { MappingSpec } from '../core/mapping/mapping-spec.js';
import type { BundleFiles } from '../core/mapping/source-bundle.js';
import { mappingTargets } from '../core/mapping/target-fields.js';
import type { AshbyRefs, NewHire } from '../core/model/new-hire.js';
import { diffValues, hasChanges, valuesOf } from './field-diff.js';
import { followUpImport } from './follow-up-import.js';
import type { InboxDeps } from './inbox-deps.js';

export interface ImportedHire {
  readonly connectionId: string;
  readonly applicationId: string;
  readonly candidateId: string;
  readonly offerId: string | null;
  /** The mapping `result` was made with; it also decides which merged fields are still missing. */
  readonly spec: MappingSpec;
  readonly result: MappingResult;
  readonly ashbyRefs: AshbyRefs;
  /** The hire's Ashby files, turned into documents while it is in review (null: none known). */
  readonly files: BundleFiles | null;
  /** Reviewer-edited fields to give back to Ashby in this save ("Revert to Ashby's value"). */
  readonly revertFields?: readonly string[];
  /** A backfilled hire: no alert of its own (the backfill's digest announces it). */
  readonly quiet?: boolean;
}

export type SaveOutcome =
  'created' | 'updated' | 'unchanged' | 'restored' | 'pending_member_update' | 'tombstoned';

const OUTCOME_TEXT: Record<SaveOutcome, string> = {
  created: 'new hire created',
  updated: 'new hire updated with the changes from Ashby',
  unchanged: 'new hire already up to date',
  restored: 'new hire restored and imported again',
  pending_member_update: 'changes recorded as a pending update of the member',
  tombstoned: 'skipped: the new hire was deleted; a tombstone keeps it out',
};

/**
 * Saves what an import read from Ashby, in one transaction with marking the deliveries processed:
 * a new application becomes a new hire; one in review takes Ashby's changes except in fields a reviewer
 * edited (reviewer edits win), each change kept in its history; one already added gets the changes as
 * a pending update of its member (a diff to accept or reject); a deleted one stays deleted.
 */
export function saveImportedHire(
  deps: InboxDeps,
  hire: ImportedHire,
): Promise<{ outcome: SaveOutcome; newHireId: string | null }> {
  const at = deps.clock.now();
  return deps.inbox.transaction(async (data) => {
    const finish = async (outcome: SaveOutcome, newHireId: string | null) => {
      await data.markDeliveriesProcessed(hire.connectionId, hire.applicationId, OUTCOME_TEXT[outcome], at);
      // Documents and, on creation, notifications: queued in this transaction, so exactly once per new hire.
      await followUpImport(deps, data, {
        created: outcome === 'created',
        newHireId,
        connectionId: hire.connectionId,
        files: hire.files,
        quiet: hire.quiet === true,
      });
      return { outcome, newHireId };
    };
    if (await data.findTombstone(hire.connectionId, hire.applicationId)) return finish('tombstoned', null);
    const fresh: NewHire = {
      id: deps.ids.newId(),
      connectionId: hire.connectionId,
      applicationId: hire.applicationId,
      candidateId: hire.candidateId,
      offerId: hire.offerId,
      status: 'in_review',
      fields: hire.result.fields,
      missingRequired: hire.result.missingRequired,
      editedFields: [],
      memberId: null,
      ashbyRefs: hire.ashbyRefs,
      importedAt: at,
      createdAt: at,
      updatedAt: at,
    };
    if (await data.insertNewHire(fresh)) {
      await data.addHistory({
        id: deps.ids.newId(),
        newHireId: fresh.id,
        at,
        actor: 'ashby',
        kind: 'imported',
        changes: {},
      });
      return finish('created', fresh.id);
    }
    const existing = await data.findNewHireByApplication(hire.connectionId, hire.applicationId);
    if (!existing) throw new Error('new hire vanished inside its own transaction');

    if (existing.status === 'deleted') {
      // No tombstone (checked above): a restore asked for this import.
      await data.updateNewHire(existing.id, { ...revived(fresh), status: 'in_review', editedFields: [] });
      await data.addHistory({
        id: deps.ids.newId(),
        newHireId: existing.id,
        at,
        actor: 'ashby',
        kind: 'restored',
        changes: {},
      });
      return finish('restored', existing.id);
    }
    if (existing.status === 'added') {
      const member = existing.memberId ? await data.findMember(existing.memberId) : undefined;
      if (!member) return finish('unchanged', existing.id);
      const imported = valuesOf(hire.result.fields);
      const changes = diffValues(member.fields, imported, Object.keys(imported));
      const pending = (await data.memberUpdates(member.id)).filter((u) => u.status === 'pending');
      const alreadyPending = pending.some((u) => JSON.stringify(u.changes) === JSON.stringify(changes));
      if (!hasChanges(changes) || alreadyPending) return finish('unchanged', existing.id);
      await data.insertMemberUpdate({
        id: deps.ids.newId(),
        memberId: member.id,
        newHireId: existing.id,
        changes,
        status: 'pending',
        createdAt: at,
        decidedAt: null,
        decidedBy: null,
      });
      return finish('pending_member_update', existing.id);
    }

    // In review: take Ashby's values, except where a reviewer edited.
    const reverted = new Set(hire.revertFields ?? []);
    const editedFields = existing.editedFields.filter((key) => !reverted.has(key));
    const edited = new Set(editedFields);
    const fields = { ...hire.result.fields };
    for (const key of edited) {
      const kept = existing.fields[key];
      if (kept) fields[key] = kept;
    }
    const changes = diffValues(valuesOf(existing.fields), valuesOf(fields));
    const missingRequired = missingRequiredOf(hire.spec, fields);
    await data.updateNewHire(existing.id, {
      ...revived(fresh),
      fields,
      missingRequired,
      editedFields,
    });
    if (!hasChanges(changes)) return finish('unchanged', existing.id);
    await data.addHistory({
      id: deps.ids.newId(),
      newHireId: existing.id,
      at,
      actor: 'ashby',
      kind: 'ashby_update',
      changes,
    });
    return finish('updated', existing.id);
  });
}

function revived(fresh: NewHire) {
  return {
    candidateId: fresh.candidateId,
    offerId: fresh.offerId,
    fields: fresh.fields,
    missingRequired: fresh.missingRequired,
    ashbyRefs: fresh.ashbyRefs,
    importedAt: fresh.importedAt,
    updatedAt: fresh.updatedAt,
  };
}

/**
 * Required targets of a mapping that have no value. Callers read the mapping before their transaction:
 * on SQLite the one connection belongs to an open transaction, so a read from outside it would wait forever.
 */
export function missingRequiredOf(spec: MappingSpec, fields: NewHire['fields']): string[] {
  const targets = mappingTargets(spec);
  return targets.filter((t) => t.required && (fields[t.key]?.value ?? null) === null).map((t) => t.key);
}
