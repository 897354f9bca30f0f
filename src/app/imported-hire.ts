import { evaluateMapping } from '../core/mapping/evaluate-mapping.js';
import type { MappingSpec } from '../core/mapping/mapping-spec.js';
import type { CustomFieldDefinition, SourceBundle } from '../core/mapping/source-bundle.js';
import type { ImportedHire } from './save-imported-hire.js';

/** What saveImportedHire needs: one hire read from Ashby, run through the connection's mapping. */
export function importedHireOf(input: {
  connectionId: string;
  applicationId: string;
  bundle: SourceBundle;
  definitions: readonly CustomFieldDefinition[];
  spec: MappingSpec;
}): ImportedHire {
  const { connectionId, applicationId, bundle, spec } = input;
  return {
    connectionId,
    applicationId,
    candidateId: bundle.candidate.id,
    offerId: bundle.offer?.id ?? null,
    spec,
    result: evaluateMapping(spec, bundle, input.definitions),
    ashbyRefs: {
      departmentId: bundle.department?.id ?? null,
      locationId: bundle.location?.id ?? null,
      hiringManagerUserId: bundle.hiringManager?.userId ?? null,
      openingId: bundle.offer?.latestVersion.openingId ?? null,
    },
    files: bundle.files ?? null,
  };
}
