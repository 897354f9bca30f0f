import type { AshbyGateway } from '../core/ports/ashby-gateway.js';
import type { CrashPoint } from '../core/ports/crash-point.js';
import type { ImportOptions } from '../core/ports/import-queue.js';
import { importedHireOf } from './imported-hire.js';
import type { InboxDeps } from './inbox-deps.js';
import { saveImportedHire, type SaveOutcome } from './save-imported-hire.js';

export interface ImportDeps extends InboxDeps {
  /** The gateway of a connection, or undefined when the connection no longer exists. */
  readonly gatewayFor: (connectionId: string) => Promise<AshbyGateway | undefined>;
  /** Testing only: the chaos suite's hook between reading Ashby and saving (core/ports/crash-point.ts). */
  readonly crashPoint?: CrashPoint;
}

export type ImportOutcome =
  | { readonly kind: 'saved'; readonly outcome: SaveOutcome; readonly newHireId: string | null }
  | { readonly kind: 'skipped'; readonly reason: string };

/**
 * Imports one application from the current Ashby state (never from a webhook body): only a Hired
 * application becomes a new hire; anything else is recorded as skipped with the reason. Safe to run
 * any number of times: the store keeps one new hire per application.
 */
export async function importApplication(
  deps: ImportDeps,
  input: { connectionId: string; applicationId: string } & ImportOptions,
): Promise<ImportOutcome> {
  const { connectionId, applicationId } = input;
  const gateway = await deps.gatewayFor(connectionId);
  if (!gateway) return skip(deps, input, 'the Ashby connection no longer exists');
  const fetched = await gateway.fetchHire(applicationId);
  if (fetched.kind === 'not_hired') {
    return skip(deps, input, `application status is ${fetched.applicationStatus}, not Hired`);
  }
  const spec = await deps.mappingFor(connectionId);
  const imported = importedHireOf({
    connectionId,
    applicationId,
    bundle: fetched.bundle,
    definitions: fetched.definitions,
    spec,
  });
  const start = imported.result.fields['employmentStartDate']?.value;
  if (input.startsOnOrAfter !== undefined && typeof start === 'string' && start < input.startsOnOrAfter) {
    return skip(
      deps,
      input,
      `start date ${start} is before ${input.startsOnOrAfter} (backfill imports upcoming hires unless told to include past ones)`,
    );
  }
  deps.crashPoint?.('import-fetched');
  const saved = await saveImportedHire(deps, input.quiet === true ? { ...imported, quiet: true } : imported);
  return { kind: 'saved', ...saved };
}

async function skip(
  deps: ImportDeps,
  input: { connectionId: string; applicationId: string },
  reason: string,
): Promise<ImportOutcome> {
  const at = deps.clock.now();
  await deps.inbox.transaction((data) =>
    data.markDeliveriesProcessed(input.connectionId, input.applicationId, `skipped: ${reason}`, at),
  );
  return { kind: 'skipped', reason };
}
