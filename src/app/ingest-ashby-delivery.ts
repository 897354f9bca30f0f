import { createHash } from 'node:crypto';
import { AppError } from '../core/errors/app-error.js';
import type { AshbyWebhookCodec } from '../core/ports/ashby-webhook-codec.js';
import type { Clock } from '../core/ports/clock.js';
import type { CrashPoint } from '../core/ports/crash-point.js';
import type { DeliveryIntake } from '../core/ports/delivery-intake.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { IntakeConnections } from '../core/ports/intake-connections.js';

/**
 * Actions that may change what a hire looks like. Each re-reads the application from Ashby (the
 * webhook is a trigger, not the truth), and the import decides from the current state.
 */
const IMPORT_TRIGGERS: ReadonlySet<string> = new Set([
  'candidateHire',
  'applicationUpdate',
  'candidateStageChange',
  'pushToHRIS',
  'offerCreate',
  'offerUpdate',
  'offerDelete',
]);

/** Ashby deleted or merged a candidate: purge or re-link (app/handle-candidate-event.ts). */
const isCandidateEvent = (action: string): action is 'candidateDelete' | 'candidateMerge' =>
  action === 'candidateDelete' || action === 'candidateMerge';

export interface IngestDeps {
  readonly connections: IntakeConnections;
  readonly codec: AshbyWebhookCodec;
  readonly intake: DeliveryIntake;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Testing only: the chaos suite's hook between commit and reply (see core/ports/crash-point.ts). */
  readonly crashPoint?: CrashPoint;
}

export type IngestResult =
  | { readonly kind: 'ping' }
  | { readonly kind: 'stored'; readonly duplicate: boolean; readonly action: string };

/**
 * Receives one Ashby webhook: verify the signature over the raw bytes first, then store the delivery
 * and enqueue its processing in one transaction. Nothing is fetched or imported here; the caller
 * answers 2xx only after this returns, so an acknowledged delivery is never lost.
 */
export async function ingestAshbyDelivery(
  deps: IngestDeps,
  input: { connectionId: string; rawBody: Buffer; signature: string | undefined },
): Promise<IngestResult> {
  const secret = await deps.connections.webhookSecret(input.connectionId);
  if (secret === undefined) throw new AppError('not_found', 'No Ashby connection has this webhook URL');
  const verified = deps.codec.verify(input.rawBody, input.signature, secret);
  if (!verified.ok) {
    throw new AppError(
      'invalid_signature',
      `Ashby-Signature ${verified.reason === 'missing' ? 'is missing' : 'does not match this connection'}`,
    );
  }
  const parsed = deps.codec.parse(input.rawBody);
  if (!parsed.ok) {
    throw new AppError('validation_failed', `The body is not an Ashby webhook envelope (${parsed.reason})`);
  }
  const { delivery } = parsed;
  const now = deps.clock.now();
  if (delivery.action === 'ping') {
    await deps.connections.notePing(input.connectionId, now);
    return { kind: 'ping' };
  }
  const bodySha256 = createHash('sha256').update(input.rawBody).digest('hex');
  const stored = {
    id: deps.ids.newId(),
    connectionId: input.connectionId,
    actionKey: delivery.webhookActionId ?? `sha256:${bodySha256}`,
    action: delivery.action,
    bodySha256,
    receivedAt: now,
  };
  let duplicate: boolean;
  if (isCandidateEvent(delivery.action) && delivery.candidateId !== null) {
    const { formerCandidateId } = delivery;
    ({ duplicate } = await deps.intake.recordCandidateEvent(
      { ...stored, applicationId: null, ignoredBecause: `${delivery.action}: handled by its own job` },
      {
        connectionId: input.connectionId,
        action: delivery.action,
        candidateId: delivery.candidateId,
        ...(formerCandidateId === null ? {} : { formerCandidateId }),
      },
    ));
  } else {
    const imports = IMPORT_TRIGGERS.has(delivery.action) && delivery.applicationId !== null;
    ({ duplicate } = await deps.intake.record(
      {
        ...stored,
        applicationId: delivery.applicationId,
        ignoredBecause: imports ? null : ignoredReason(delivery.action, delivery.applicationId),
      },
      imports,
    ));
  }
  deps.crashPoint?.('delivery-stored');
  return { kind: 'stored', duplicate, action: delivery.action };
}

function ignoredReason(action: string, applicationId: string | null): string {
  if (IMPORT_TRIGGERS.has(action) && applicationId === null) return `${action} named no application`;
  return `${action} is recorded but not acted on`;
}
