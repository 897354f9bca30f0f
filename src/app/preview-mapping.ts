import { AppError, notFound } from '../core/errors/app-error.js';
import { defaultMapping } from '../core/mapping/default-mapping.js';
import { evaluateMapping, type MappingResult } from '../core/mapping/evaluate-mapping.js';
import { mappingTargets } from '../core/mapping/target-fields.js';
import type { FieldDefinition } from '../core/model/new-hire-fields.js';
import { checkMapping } from './check-mapping.js';
import { gatewayOf, type MappingDeps } from './mapping-deps.js';

/** The real hire to preview on: an Ashby application, or the application behind a new hire. */
export type PreviewSubject = { readonly applicationId: string } | { readonly newHireId: string };

export interface MappingPreview extends MappingResult {
  readonly connectionId: string;
  readonly applicationId: string;
  readonly newHireId: string | null;
  /** The saved revision previewed; `null` for the default mapping or a mapping sent with the request. */
  readonly revision: number | null;
  /** True when the mapping sent with the request (not the saved one) was previewed. */
  readonly unsaved: boolean;
  readonly targets: readonly FieldDefinition[];
}

async function applicationOf(deps: MappingDeps, connectionId: string, subject: PreviewSubject) {
  if ('applicationId' in subject) return { applicationId: subject.applicationId, newHireId: null };
  const hire = await deps.inbox.read((data) => data.findNewHire(subject.newHireId));
  if (!hire || hire.connectionId !== connectionId) throw notFound('New hire of this connection');
  return { applicationId: hire.applicationId, newHireId: hire.id };
}

/**
 * What a mapping (the saved one, or one sent to try out) makes of one real hire, read from Ashby now:
 * every field with its source and any per-field error, and the required fields left empty. Saves
 * nothing and queues nothing: it is the same engine over the same reads an import does, so what it
 * shows is what an import of that application would store (a new hire in review keeps its reviewer edits).
 */
export async function previewMapping(
  deps: MappingDeps,
  input: { connectionId: string; subject: PreviewSubject; mapping?: unknown },
): Promise<MappingPreview> {
  const { connectionId } = input;
  const gateway = await gatewayOf(deps, connectionId);
  const { applicationId, newHireId } = await applicationOf(deps, connectionId, input.subject);
  const stored = input.mapping === undefined ? await deps.mappings.current(connectionId) : undefined;
  const spec =
    input.mapping === undefined
      ? (stored?.spec ?? defaultMapping())
      : await checkMapping(gateway, input.mapping);
  const fetched = await gateway.fetchHire(applicationId);
  if (fetched.kind === 'not_hired') {
    throw new AppError(
      'conflict',
      `Ashby application ${applicationId} is ${fetched.applicationStatus}, not Hired: there is no hire to preview`,
    );
  }
  const result = evaluateMapping(spec, fetched.bundle, fetched.definitions);
  return {
    connectionId,
    applicationId,
    newHireId,
    revision: stored?.revision ?? null,
    unsaved: input.mapping !== undefined,
    ...result,
    targets: mappingTargets(spec),
  };
}
