import { AppError, isAppError, notFound } from '../core/errors/app-error.js';
import type { Destination } from '../core/model/destination.js';
import type { DestinationType } from '../core/ports/destination-types.js';
import type { AdminData } from '../core/ports/admin-units.js';
import type { Actor } from './actor.js';
import { audited } from './audited.js';
import type { DestinationDeps } from './destination-deps.js';
import { queuePushJobs } from './queue-pushes.js';
import { testDestinationConnection } from './test-destination-connection.js';

export interface AddDestinationInput {
  readonly type: string;
  readonly name: string;
  readonly baseUrl?: string | null;
  readonly credentials: unknown;
  readonly enabled?: boolean;
  readonly actor: Actor;
}

function typeOf(deps: DestinationDeps, type: string): DestinationType {
  const found = deps.types.get(type);
  if (found) return found;
  const known = deps.types.list().map((t) => t.type);
  throw new AppError(
    'validation_failed',
    `type: unknown destination type "${type}"; one of ${known.join(', ')}`,
    {
      details: { problems: [{ field: 'type', message: `must be one of ${known.join(', ')}` }] },
    },
  );
}

function parseCredentials(type: DestinationType, input: unknown): Readonly<Record<string, unknown>> {
  const parsed = type.parseCredentials(input);
  if (parsed.ok) return parsed.credentials;
  const problems = parsed.problems.map((p) => ({ field: `credentials.${p.field}`, message: p.message }));
  throw new AppError(
    'validation_failed',
    `Invalid credentials for ${type.label}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    { details: { problems, reason: 'credentials_invalid' } },
  );
}

async function checkUrls(
  deps: DestinationDeps,
  type: DestinationType,
  baseUrl: string | null,
  credentials: Readonly<Record<string, unknown>>,
): Promise<void> {
  for (const { field, url } of type.typedUrls(baseUrl, credentials)) await deps.checkUrl(url, field);
}

/**
 * Adds a destination: credentials checked against the type's schema (every bad key named), admin-typed
 * URLs against the outbound address policy, then one cheap call; only what passes is saved, sealed.
 * Returns the generated credentials (the webhook's signing secret) this once.
 */
export async function addDestination(
  deps: DestinationDeps,
  input: AddDestinationInput,
): Promise<{ destination: Destination; generated: Readonly<Record<string, string>> }> {
  const type = typeOf(deps, input.type);
  const given = parseCredentials(type, input.credentials);
  const baseUrl = input.baseUrl?.trim() || null;
  await checkUrls(deps, type, baseUrl, given);
  const generated = type.generateCredentials(given);
  const credentials = { ...given, ...generated };
  const id = deps.ids.newId();
  await testDestinationConnection(
    type,
    { id, baseUrl, credentials },
    { authMayFail: Object.keys(generated).length > 0 },
  );
  const at = deps.clock.now();
  const destination: Destination = {
    id,
    type: type.type,
    name: input.name.trim(),
    baseUrl,
    enabled: input.enabled ?? true,
    status: 'ok',
    statusMessage: null,
    settings: {},
    createdAt: at,
    updatedAt: at,
  };
  return audited(deps, input.actor, async (data) => {
    await data.destinations.insert(destination, credentials);
    const details = { type: type.type, enabled: destination.enabled };
    const target = { action: 'destination.add', targetType: 'destination', targetId: id, details };
    return [{ destination, generated }, target] as const;
  });
}

export async function getDestination(deps: DestinationDeps, id: string): Promise<Destination> {
  return (await deps.destinations.find(id)) ?? Promise.reject(notFound('Destination'));
}

export interface DestinationEdit {
  readonly name?: string;
  readonly baseUrl?: string | null;
  /** Keys to change; the other stored keys are kept (secrets need not be typed again). */
  readonly credentials?: Readonly<Record<string, unknown>>;
  readonly enabled?: boolean;
}

/**
 * Edits a destination. New credentials or a new base URL are tested before saving (refused: 422, nothing
 * saved). Saving an enabled destination whose credentials were refused tests it again; passing resumes
 * it and its paused pushes. Disabling never calls the system.
 */
export async function updateDestination(
  deps: DestinationDeps,
  input: { id: string; edit: DestinationEdit; actor: Actor },
): Promise<Destination> {
  const current = await deps.destinations.open(input.id);
  if (!current) throw notFound('Destination');
  const type = typeOf(deps, current.type);
  const { edit } = input;
  const credentialsChanged = edit.credentials !== undefined;
  const credentials = credentialsChanged
    ? parseCredentials(type, { ...current.credentials, ...edit.credentials })
    : current.credentials;
  const baseUrl = edit.baseUrl === undefined ? current.baseUrl : edit.baseUrl?.trim() || null;
  const enabled = edit.enabled ?? current.enabled;
  const connectionChanged = credentialsChanged || baseUrl !== current.baseUrl;
  if (connectionChanged) await checkUrls(deps, type, baseUrl, credentials);
  const retest = enabled && (connectionChanged || current.status === 'credentials_refused');
  if (retest) await testDestinationConnection(type, { id: current.id, baseUrl, credentials });
  return audited(deps, input.actor, async (data) => {
    const at = deps.clock.now();
    await data.destinations.update(
      current.id,
      {
        ...(edit.name === undefined ? {} : { name: edit.name.trim() }),
        baseUrl,
        enabled,
        ...(credentialsChanged ? { credentials } : {}),
        ...(retest ? { status: 'ok', statusMessage: null } : {}),
      },
      at,
    );
    const resumedPushes = enabled ? await resumePaused(data, current.id, at) : 0;
    const details = {
      changed: Object.keys(edit),
      ...(credentialsChanged ? { credentialKeys: Object.keys(edit.credentials ?? {}) } : {}),
      resumedPushes,
    };
    const updated = (await data.destinations.find(current.id)) ?? current;
    const target = { action: 'destination.update', targetType: 'destination', targetId: current.id };
    return [updated, { ...target, details }] as const;
  });
}

/**
 * Tests the saved credentials. Passing clears "credentials refused" and resumes paused pushes; a
 * refusal marks the destination refused and answers 422 `destination_refused`.
 */
export async function testDestination(
  deps: DestinationDeps,
  input: { id: string; actor: Actor },
): Promise<{ destination: Destination; resumedPushes: number }> {
  const current = await deps.destinations.open(input.id);
  if (!current) throw notFound('Destination');
  const type = typeOf(deps, current.type);
  const target = { action: 'destination.test', targetType: 'destination', targetId: current.id };
  // The call is made before the transaction: a slow system must not hold the database.
  let failure: unknown;
  try {
    await testDestinationConnection(type, current);
  } catch (err) {
    failure = err;
  }
  if (failure !== undefined) {
    // The refusal is recorded (status and audit) before the 422 answers it.
    await audited(deps, input.actor, async (data) => {
      if (isAppError(failure) && failure.details?.['credentialsRefused'] === true) {
        const statusMessage = failure.message.slice(0, 500);
        const refused = { status: 'credentials_refused', statusMessage } as const;
        await data.destinations.update(current.id, refused, deps.clock.now());
      }
      return [undefined, { ...target, details: { ok: false } }] as const;
    });
    throw failure as Error;
  }
  return audited(deps, input.actor, async (data) => {
    const at = deps.clock.now();
    await data.destinations.update(current.id, { status: 'ok', statusMessage: null }, at);
    const resumedPushes = current.enabled ? await resumePaused(data, current.id, at) : 0;
    const destination = (await data.destinations.find(current.id)) ?? current;
    return [
      { destination, resumedPushes },
      { ...target, details: { ok: true, resumedPushes } },
    ] as const;
  });
}

export async function removeDestination(
  deps: DestinationDeps,
  input: { id: string; actor: Actor },
): Promise<void> {
  await audited(deps, input.actor, async (data) => {
    const current = await data.destinations.find(input.id);
    if (!current) throw notFound('Destination');
    // Its pushes go with it; their waiting jobs find nothing and finish.
    await data.destinations.remove(input.id);
    const details = { type: current.type };
    return [
      undefined,
      { action: 'destination.remove', targetType: 'destination', targetId: input.id, details },
    ] as const;
  });
}

/** The paused pushes of a destination back to pending, their jobs queued in the same transaction. */
async function resumePaused(data: AdminData, destinationId: string, at: number): Promise<number> {
  const pairs = await data.destinations.setPending({ destinationId, fromStatus: ['paused'] }, at);
  await queuePushJobs(data.jobs, pairs);
  return pairs.length;
}
