import { evaluateMapping } from '../core/mapping/evaluate-mapping.js';
import type { FieldChanges, NewHire } from '../core/model/new-hire.js';
import { displayNameOf } from '../core/names/display-name.js';
import type { ImportQueue } from '../core/ports/import-queue.js';
import type { Actor } from './actor.js';
import { currentMapping } from './current-mapping.js';
import { gatewayOf, type MappingDeps } from './mapping-deps.js';

export interface ReapplyDeps extends MappingDeps {
  readonly imports: Pick<ImportQueue, 'enqueueImports'>;
}

/** At most this many hires are read from Ashby for a preview; the rest are counted, not read. */
const REAPPLY_PREVIEW_LIMIT = 20;
/** A connection's hires in review reapplied at once (far above a people team's review queue). */
const REAPPLY_LIMIT = 5_000;

export interface ReapplyPreviewItem {
  readonly newHireId: string;
  readonly name: string | null;
  /** Fields the saved mapping would change; a reviewer's edits are left out (they win). */
  readonly changes: FieldChanges;
  /** Why this hire could not be read from Ashby now, in words; then `changes` is empty. */
  readonly problem: string | null;
}

export interface ReapplyPreview {
  /** Hires of the connection in review: what Apply would reimport. */
  readonly inReview: number;
  /** The first REAPPLY_PREVIEW_LIMIT of them, read from Ashby and mapped, unsaved. */
  readonly items: readonly ReapplyPreviewItem[];
}

const inReviewOf = (deps: MappingDeps, connectionId: string) =>
  deps.inbox.read((data) => data.listNewHires({ status: 'in_review', connectionId, limit: REAPPLY_LIMIT }));

/** What the saved mapping would make of one hire in review, against what it holds now. */
function changesOf(hire: NewHire, mapped: ReturnType<typeof evaluateMapping>): FieldChanges {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(hire.fields), ...Object.keys(mapped.fields)])) {
    if (hire.editedFields.includes(key)) continue;
    const from = hire.fields[key]?.value ?? null;
    const to = mapped.fields[key]?.value ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

/**
 * What applying a connection's saved mapping to its hires still in review would change, hire by hire:
 * each is read from Ashby now and run through the same engine an import uses, and nothing is saved.
 * Only the first few are read (each is a call to Ashby); the count says how many Apply would touch.
 */
export async function previewReapplyMapping(
  deps: MappingDeps,
  connectionId: string,
): Promise<ReapplyPreview> {
  const gateway = await gatewayOf(deps, connectionId);
  const spec = await currentMapping(deps.mappings, connectionId);
  const hires = await inReviewOf(deps, connectionId);
  const items: ReapplyPreviewItem[] = [];
  for (const hire of hires.slice(0, REAPPLY_PREVIEW_LIMIT)) {
    const name = displayNameOf((key) => hire.fields[key]?.value);
    const fetched = await gateway.fetchHire(hire.applicationId).catch((err: unknown) => err as Error);
    if (fetched instanceof Error) {
      items.push({ newHireId: hire.id, name, changes: {}, problem: 'Ashby could not be read for this hire' });
    } else if (fetched.kind === 'not_hired') {
      items.push({
        newHireId: hire.id,
        name,
        changes: {},
        problem: `The application is ${fetched.applicationStatus} in Ashby now, not Hired; Apply leaves it as it is`,
      });
    } else {
      const mapped = evaluateMapping(spec, fetched.bundle, fetched.definitions);
      items.push({ newHireId: hire.id, name, changes: changesOf(hire, mapped), problem: null });
    }
  }
  return { inReview: hires.length, items };
}

/**
 * Applies the saved mapping to every hire of the connection still in review: one reimport each, on
 * the queue the webhooks use (so a hire already waiting for its import is not imported twice), quiet
 * (no new alerts). Reviewer edits win, as in every import. Audited with the count.
 */
export async function reapplyMapping(
  deps: ReapplyDeps,
  input: { connectionId: string; actor: Actor },
): Promise<{ inReview: number; queued: number }> {
  await gatewayOf(deps, input.connectionId);
  const hires = await inReviewOf(deps, input.connectionId);
  const queued = await deps.imports.enqueueImports(
    input.connectionId,
    hires.map((h) => h.applicationId),
    { quiet: true },
  );
  await deps.inbox.transaction((data) =>
    data.audit({
      id: deps.ids.newId(),
      at: deps.clock.now(),
      actor: input.actor,
      action: 'mapping.reapply',
      targetType: 'connection',
      targetId: input.connectionId,
      details: { inReview: hires.length, queued },
    }),
  );
  return { inReview: hires.length, queued };
}
