import type { MappingResult } from '../core/mapping/evaluate-mapping.js';
import type { SourceBundle } from '../core/mapping/source-bundle.js';
import type { ImportedHire } from './save-imported-hire.js';

/** What saveImportedHire needs from one hire read from Ashby and the mapping's result over it. */
export function importedHireOf(connectionId: string, applicationId: string, bundle: SourceBundle, result: MappingResult): ImportedHire {
  return {
    connectionId,
    applicationId,
    candidateId: bundle.candidate.id,
    offerId: bundle.offer?.id ?? null,
    result,
    ashbyRefs: {
      departmentId: bundle.department?.id ?? null,
      locationId: bundle.location?.id ?? null,
      hiringManagerUserId: bundle.hiringManager?.userId ?? null,
    },
  };
}
