import { evaluateMapping } from '../core/mapping/evaluate-mapping.js';
import type { MappingSpec } from '../core/mapping/mapping-spec.js';
import type { AshbyGateway } from '../core/ports/ashby-gateway.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { NewHireStore, SaveOutcome } from '../core/ports/new-hire-store.js';

export interface ImportDeps {
  /** The gateway of a connection, or undefined when the connection no longer exists. */
  readonly gatewayFor: (connectionId: string) => Promise<AshbyGateway | undefined>;
  readonly mappingFor: (connectionId: string) => Promise<MappingSpec>;
  readonly newHires: NewHireStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export type ImportOutcome =
  | { readonly kind: 'saved'; readonly outcome: SaveOutcome; readonly newHireId: string }
  | { readonly kind: 'skipped'; readonly reason: string };

/**
 * Imports one application from the current Ashby state (never from a webhook body): only a Hired
 * application becomes a new hire; anything else is recorded as skipped with the reason. Safe to run
 * any number of times: the store keeps one new hire per application.
 */
export async function importApplication(
  deps: ImportDeps,
  input: { connectionId: string; applicationId: string },
): Promise<ImportOutcome> {
  const { connectionId, applicationId } = input;
  const gateway = await deps.gatewayFor(connectionId);
  if (!gateway) return skip(deps, input, 'the Ashby connection no longer exists');
  const fetched = await gateway.fetchHire(applicationId);
  if (fetched.kind === 'not_hired') {
    return skip(deps, input, `application status is ${fetched.applicationStatus}, not Hired`);
  }
  const mapping = await deps.mappingFor(connectionId);
  const result = evaluateMapping(mapping, fetched.bundle, fetched.definitions);
  const saved = await deps.newHires.saveImport({
    newHireId: deps.ids.newId(),
    connectionId,
    applicationId,
    candidateId: fetched.bundle.candidate.id,
    offerId: fetched.bundle.offer?.id ?? null,
    fields: result.fields,
    missingRequired: result.missingRequired,
    at: deps.clock.now(),
  });
  return { kind: 'saved', outcome: saved.outcome, newHireId: saved.newHire.id };
}

async function skip(
  deps: ImportDeps,
  input: { connectionId: string; applicationId: string },
  reason: string,
): Promise<ImportOutcome> {
  await deps.newHires.recordSkip(input.connectionId, input.applicationId, `skipped: ${reason}`, deps.clock.now());
  return { kind: 'skipped', reason };
}
