import { AppError, isAppError } from '../core/errors/app-error.js';
import { openingIdentifier, type Position } from '../core/model/position.js';
import type {
  AshbyOpening,
  AshbyOpenings,
  OpeningReferences,
  OpeningScalars,
} from '../core/ports/ashby-openings.js';
import type { Clock } from '../core/ports/clock.js';
import type { CrashPoint } from '../core/ports/crash-point.js';
import type { JobQueue } from '../core/ports/job-queue.js';
import type {
  OpeningSyncSettings,
  OpeningSyncStore,
  PublishedOpening,
  SyncRun,
  SyncRunError,
} from '../core/ports/opening-sync-store.js';

export interface SyncOpeningsDeps {
  readonly openingsFor: (connectionId: string) => Promise<AshbyOpenings | undefined>;
  readonly store: OpeningSyncStore;
  readonly clock: Clock;
  readonly crashPoint: CrashPoint;
}

type Outcome = 'created' | 'updated' | 'closed' | 'unchanged';

/**
 * One opening sync run for one connection (PRODUCT.md C10). Every position maps to one Ashby opening,
 * found by its identifier (`HB-<position id>`), never by title: a position with no recorded opening is
 * first searched for (opening.search) and only created when Ashby has none, so a run that died after
 * Ashby created an opening but before HireBridge recorded it adopts that opening instead of making a
 * second. Runs of one connection never overlap: they are queue jobs sharing one unique key.
 *
 * A recruiting open position is created as Approved; a changed one is updated (scalars through
 * opening.update, jobs and locations through their own add/remove calls, chosen custom fields through
 * customField.setValue); a filled or closed one has its opening closed with a close reason. A problem
 * with one position is recorded on the run and the others go on; a missing permission or an outage
 * fails the run (the next one retries). Returns undefined when the connection is gone or sync is off.
 */
export async function syncOpenings(
  deps: SyncOpeningsDeps,
  input: { connectionId: string; runId: string },
): Promise<SyncRun | undefined> {
  const { connectionId, runId } = input;
  const settings = await deps.store.settings(connectionId);
  const ashby = settings?.enabled ? await deps.openingsFor(connectionId) : undefined;
  if (!settings || !ashby) return undefined;
  const startedAt = deps.clock.now();
  await deps.store.startRun({ id: runId, connectionId, at: startedAt });
  const counts = { created: 0, updated: 0, closed: 0, failed: 0 };
  const errors: SyncRunError[] = [];
  let status: SyncRun['status'] = 'succeeded';
  try {
    const positions = await deps.store.positions();
    const published = await deps.store.published(connectionId);
    const due = positions.filter((p) => isDue(p, published.get(p.id)));
    if (due.length > 0) {
      const refs = await ashby.references();
      const fieldIds = await ensureFields(deps, ashby, settings);
      for (const position of due) {
        try {
          const outcome = await syncOne(
            deps,
            ashby,
            { connectionId, refs, fieldIds, settings },
            position,
            published.get(position.id),
          );
          if (outcome !== 'unchanged') counts[outcome] += 1;
        } catch (err) {
          if (isRunFailure(err)) throw err;
          counts.failed += 1;
          errors.push({ positionId: position.id, message: messageOf(err) });
        }
      }
    }
  } catch (err) {
    status = 'failed';
    errors.push({ positionId: null, message: messageOf(err) });
  }
  const run: SyncRun = {
    id: runId,
    connectionId,
    status,
    ...counts,
    errors,
    startedAt,
    finishedAt: deps.clock.now(),
  };
  await deps.store.finishRun(run);
  return run;
}

export interface ScheduledSyncDeps extends SyncOpeningsDeps {
  /** The job queue outside any transaction: the next run must be queued whatever this one does. */
  readonly jobs: JobQueue;
  readonly intervalMs: number;
}

/**
 * The recurring job's body: queues the next run first (so the chain survives this one failing or its
 * process dying), then syncs. The chain ends when the connection is gone or sync is turned off.
 */
export async function runScheduledOpeningSync(
  deps: ScheduledSyncDeps,
  input: { connectionId: string; runId: string },
): Promise<SyncRun | undefined> {
  const settings = await deps.store.settings(input.connectionId);
  if (!settings?.enabled) return undefined;
  await deps.jobs.schedule(
    'openings.sync',
    { connectionId: input.connectionId },
    deps.clock.now() + deps.intervalMs,
  );
  return syncOpenings(deps, input);
}

const wantsOpen = (p: Position) => p.status === 'open' && p.recruiting;

/** Whether a position needs any call: never published but recruiting, or changed since its last push. */
function isDue(position: Position, link: PublishedOpening | undefined): boolean {
  if (!link) return wantsOpen(position);
  if (link.closed) return false;
  return link.pushedRevision < position.revision;
}

/** Codes that concern one position only (a bad reference, an opening gone); anything else ends the run. */
const POSITION_PROBLEMS = new Set(['validation_failed', 'not_found', 'upstream_permanent', 'conflict']);

/** A missing permission, a refused key or an outage would fail every other position the same way. */
function isRunFailure(err: unknown): boolean {
  if (!isAppError(err)) return true;
  if (err.code === 'upstream_permanent' && err.details?.['auth'] === true) return true;
  return !POSITION_PROBLEMS.has(err.code);
}

function messageOf(err: unknown): string {
  return isAppError(err) ? err.message : 'unexpected error (see the server log)';
}

interface SyncContext {
  readonly connectionId: string;
  readonly refs: OpeningReferences;
  readonly fieldIds: Readonly<Record<string, string>>;
  readonly settings: OpeningSyncSettings;
}

async function syncOne(
  deps: SyncOpeningsDeps,
  ashby: AshbyOpenings,
  ctx: SyncContext,
  position: Position,
  link: PublishedOpening | undefined,
): Promise<Outcome> {
  const identifier = openingIdentifier(position.id);
  const record = (openingId: string, closed: boolean) =>
    deps.store.recordPublished(
      ctx.connectionId,
      { positionId: position.id, openingId, pushedRevision: position.revision, closed },
      deps.clock.now(),
    );
  // Known opening, or one a crashed run created: found by identifier before anything is created.
  const existing: AshbyOpening | null = link
    ? { ...(await requireOpening(ashby, identifier, link.openingId)) }
    : await ashby.findByIdentifier(identifier);

  if (!wantsOpen(position)) {
    if (!existing) return 'unchanged';
    if (position.status === 'open') {
      // Recruiting paused: the opening stays as it is in Ashby; later changes are pushed when it resumes.
      return 'unchanged';
    }
    if (existing.state !== 'Closed') await ashby.close(existing.id, closeReasonFor(ctx.refs, position));
    await record(existing.id, true);
    return 'closed';
  }

  const draft = { ...scalarsOf(position, ctx.refs), ...listsOf(position, ctx.refs) };
  if (!existing) {
    const created = await ashby.create(draft, 'Approved');
    deps.crashPoint('opening-created');
    await setFields(ashby, ctx, position, created);
    await record(created.id, false);
    return 'created';
  }
  await ashby.update(existing.id, scalarsOf(position, ctx.refs));
  for (const [list, key] of [
    ['jobs', 'jobIds'],
    ['locations', 'locationIds'],
  ] as const) {
    const want = new Set(draft[key]);
    const have = new Set(existing[key]);
    for (const id of want) if (!have.has(id)) await ashby.editList(existing.id, list, 'add', id);
    for (const id of have) if (!want.has(id)) await ashby.editList(existing.id, list, 'remove', id);
  }
  await setFields(ashby, ctx, position, existing);
  await record(existing.id, false);
  return link ? 'updated' : 'created';
}

async function requireOpening(
  ashby: AshbyOpenings,
  identifier: string,
  openingId: string,
): Promise<AshbyOpening> {
  const found = await ashby.findByIdentifier(identifier);
  if (found && found.id === openingId) return found;
  throw new AppError('not_found', `The Ashby opening ${identifier} (${openingId}) is no longer in Ashby`);
}

const byName = (list: readonly { id: string; name: string }[], name: string) =>
  list.find((r) => r.name.trim().toLowerCase() === name.trim().toLowerCase());

function scalarsOf(position: Position, refs: OpeningReferences): OpeningScalars {
  let teamId: string | null = null;
  if (position.department !== null) {
    const team = byName(refs.teams, position.department);
    if (!team)
      throw new AppError(
        'validation_failed',
        `Department "${position.department}" is not a department in Ashby`,
      );
    teamId = team.id;
  }
  return {
    identifier: openingIdentifier(position.id),
    description: position.description,
    teamId,
    targetHireDate: position.targetHireDate,
    targetStartDate: position.targetStartDate,
    employmentType: position.employmentType,
  };
}

function listsOf(position: Position, refs: OpeningReferences) {
  const locationIds: string[] = [];
  if (position.location !== null) {
    const location = byName(refs.locations, position.location);
    if (!location)
      throw new AppError('validation_failed', `Location "${position.location}" is not a location in Ashby`);
    locationIds.push(location.id);
  }
  const jobIds: string[] = [];
  if (position.ashbyJobId !== null) {
    if (!refs.jobIds.has(position.ashbyJobId))
      throw new AppError('validation_failed', `Ashby job ${position.ashbyJobId} does not exist in Ashby`);
    jobIds.push(position.ashbyJobId);
  }
  return { locationIds, jobIds };
}

/** "Hired" for a filled position; for a closed one the reason whose text matches, else a cancel-like one. */
function closeReasonFor(refs: OpeningReferences, position: Position): string {
  const reasons = refs.closeReasons;
  const wanted =
    position.status === 'filled'
      ? reasons.find((r) => /hire|fill/i.test(r.name))
      : ((position.closeReason !== null ? byName(reasons, position.closeReason) : undefined) ??
        reasons.find((r) => /cancel|close/i.test(r.name)));
  const reason = wanted ?? reasons[0];
  if (!reason) throw new AppError('validation_failed', 'Ashby has no close reason to close the opening with');
  return reason.id;
}

/** The Ashby field of each chosen custom field, found by title on openings or created once. */
async function ensureFields(
  deps: SyncOpeningsDeps,
  ashby: AshbyOpenings,
  settings: OpeningSyncSettings,
): Promise<Readonly<Record<string, string>>> {
  if (settings.customFields.length === 0) return {};
  const known = new Map((await ashby.openingFields()).map((f) => [f.title.trim().toLowerCase(), f.id]));
  const ids: Record<string, string> = {};
  for (const title of settings.customFields) {
    ids[title] = known.get(title.trim().toLowerCase()) ?? (await ashby.createOpeningField(title)).id;
  }
  if (JSON.stringify(ids) !== JSON.stringify(settings.fieldIds))
    await deps.store.saveFieldIds(settings.connectionId, ids, deps.clock.now());
  return ids;
}

async function setFields(
  ashby: AshbyOpenings,
  ctx: SyncContext,
  position: Position,
  opening: AshbyOpening,
): Promise<void> {
  for (const title of ctx.settings.customFields) {
    const fieldId = ctx.fieldIds[title];
    const value = position.customFields[title];
    if (fieldId === undefined || value === undefined) continue;
    if (opening.customFieldValues[fieldId] === value) continue;
    await ashby.setFieldValue(opening.id, fieldId, value);
  }
}
