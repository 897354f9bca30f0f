import { AppError, isAppError } from '../core/errors/app-error.js';
import type { Destination, Push } from '../core/model/destination.js';
import type { Clock } from '../core/ports/clock.js';
import type { CrashPoint } from '../core/ports/crash-point.js';
import type { PushedMember } from '../core/ports/destination.js';
import type { DestinationStore, OpenedDestination } from '../core/ports/destination-store.js';
import type { DestinationTypes } from '../core/ports/destination-types.js';
import { isAuthRefusal } from './test-destination-connection.js';

export interface PushDeps {
  readonly destinations: DestinationStore;
  readonly types: DestinationTypes;
  /** The member as this destination receives it, or undefined when the member is gone. */
  readonly pushedMember: (push: Push) => Promise<PushedMember | undefined>;
  /** Tells the admins a destination refused its credentials. */
  readonly credentialsRefused: (destination: Destination, message: string) => Promise<void>;
  /** The shared per-destination limit: average spacing of calls and burst. */
  readonly limit: { readonly intervalMs: number; readonly burst: number };
  /** How long one attempt may hold its (member, destination) pair: past it, a crashed attempt's hold lapses. */
  readonly holdMs: number;
  readonly clock: Clock;
  readonly crashPoint: CrashPoint;
}

/** What the job does next: finished, or come back at `untilMs` without spending an attempt. */
export type PushOutcome =
  | { readonly kind: 'done'; readonly status: Push['status'] | 'gone' }
  | { readonly kind: 'snooze'; readonly untilMs: number; readonly reason: string };

const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * Delivers one member to one destination, idempotently (hris-apis.md §1, reliability.md §3.6): look the
 * person up first (personal email, work email, then the remote id recorded), link and update when
 * found, else create and record the remote id at once. Every attempt looks up again before creating, so
 * a timeout or a crash between a create and its record never makes a second person.
 *
 * Errors by class: 429 pauses the destination for every worker (Retry-After) and snoozes; 5xx and
 * network errors are thrown back for the queue's backoff with jitter (the push fails after the last
 * attempt); 401/403 pause the destination and its pushes and tell the admins; other 4xx fail the push
 * with the system's message.
 */
export async function pushMember(
  deps: PushDeps,
  input: { memberId: string; destinationId: string; finalAttempt: boolean; signal?: AbortSignal },
): Promise<PushOutcome> {
  const { destinations, clock } = deps;
  const push = await destinations.findPush(input.memberId, input.destinationId);
  // Removed with its destination, or a duplicate job of a change already delivered or given up on.
  if (!push) return { kind: 'done', status: 'gone' };
  if (push.status !== 'pending') return { kind: 'done', status: push.status };
  const destination = await destinations.open(input.destinationId);
  if (!destination) return { kind: 'done', status: 'gone' };
  const set = (change: Parameters<DestinationStore['updatePush']>[2]) =>
    destinations.updatePush(push.id, push.revision, change, clock.now());

  if (!destination.enabled || destination.status === 'credentials_refused') {
    await set({
      status: 'paused',
      lastError: destination.enabled
        ? 'Paused: the destination refused its credentials; test or edit it to resume'
        : 'Paused: the destination is disabled',
    });
    return { kind: 'done', status: 'paused' };
  }
  // One attempt per pair at a time: a duplicate job waits for this one instead of racing its lookup.
  if (!(await destinations.lockPush(push.id, clock.now(), clock.now() + deps.holdMs)))
    return { kind: 'snooze', untilMs: clock.now() + 1_000, reason: 'another attempt holds this push' };
  try {
    // Read again under the hold: the attempt that held it may have delivered in the meantime.
    const held = await destinations.findPush(input.memberId, input.destinationId);
    if (!held || held.status !== 'pending') return { kind: 'done', status: held?.status ?? 'gone' };
    return await attempt(deps, held, destination, input);
  } finally {
    await destinations.unlockPush(push.id);
  }
}

async function attempt(
  deps: PushDeps,
  push: Push,
  destination: OpenedDestination,
  input: { finalAttempt: boolean; signal?: AbortSignal },
): Promise<PushOutcome> {
  const { destinations, clock } = deps;
  const set = (change: Parameters<DestinationStore['updatePush']>[2]) =>
    destinations.updatePush(push.id, push.revision, change, clock.now());
  const slot = await destinations.takeSlot(destination.id, clock.now(), deps.limit);
  if (!slot.ok) return { kind: 'snooze', untilMs: slot.untilMs, reason: 'destination rate limit' };

  const member = await deps.pushedMember(push);
  if (!member) {
    await set({ status: 'failed', lastError: 'The member no longer exists' });
    return { kind: 'done', status: 'failed' };
  }
  const type = deps.types.get(destination.type);
  if (!type) {
    await set({ status: 'failed', lastError: `Unknown destination type ${destination.type}` });
    return { kind: 'done', status: 'failed' };
  }
  const client = type.client(destination);
  try {
    const found = await client.findPerson(member, push.remoteId, input.signal);
    let result;
    if (found) {
      if (found.remoteId !== push.remoteId)
        await destinations.recordRemoteId(push.id, found.remoteId, clock.now());
      result = await client.updatePerson(found.remoteId, member, input.signal);
    } else {
      result = await client.createPerson(member, input.signal);
      // The most dangerous moment: the person exists remotely, the record does not yet.
      deps.crashPoint('push-created');
      await destinations.recordRemoteId(push.id, result.remoteId, clock.now());
    }
    await set({
      status: 'delivered',
      remoteId: result.remoteId,
      attempts: push.attempts + 1,
      lastError: null,
      warnings: result.warnings,
      deliveredAt: clock.now(),
    });
    return { kind: 'done', status: 'delivered' };
  } catch (err) {
    return handleFailure(deps, { push, destination, finalAttempt: input.finalAttempt }, err);
  }
}

async function handleFailure(
  deps: PushDeps,
  context: { push: Push; destination: Destination; finalAttempt: boolean },
  err: unknown,
): Promise<PushOutcome> {
  const { push, destination } = context;
  const { destinations, clock } = deps;
  const now = clock.now();
  const set = (change: Parameters<DestinationStore['updatePush']>[2]) =>
    destinations.updatePush(push.id, push.revision, change, now);
  const message = isAppError(err) ? err.message.slice(0, 500) : 'Unexpected error while pushing';

  if (isAuthRefusal(err)) {
    // No retry storm (HiBob's WAF blocks clients that repeat 401s): the destination stops until an
    // admin tests or edits it, which resumes this push with the others.
    await destinations.update(destination.id, { status: 'credentials_refused', statusMessage: message }, now);
    await set({ status: 'paused', attempts: push.attempts + 1, lastError: message });
    await deps.credentialsRefused(destination, message);
    return { kind: 'done', status: 'paused' };
  }
  if (isAppError(err) && err.code === 'rate_limited') {
    const untilMs = now + (err.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS);
    await destinations.pauseUntil(destination.id, untilMs);
    await set({
      status: 'pending',
      lastError: `Rate limited; waiting until ${new Date(untilMs).toISOString()}`,
    });
    return { kind: 'snooze', untilMs, reason: 'destination answered 429' };
  }
  if (!isAppError(err) || err.retryable) {
    const final = context.finalAttempt;
    await set({ status: final ? 'failed' : 'pending', attempts: push.attempts + 1, lastError: message });
    if (final) return { kind: 'done', status: 'failed' };
    // Back to the queue for its backoff with jitter; the message names the endpoint and status only.
    throw isAppError(err)
      ? err
      : new AppError('internal', 'pushing failed unexpectedly', { cause: err, retryable: true });
  }
  await set({ status: 'failed', attempts: push.attempts + 1, lastError: message });
  return { kind: 'done', status: 'failed' };
}
