import type { MappingTargetResponse } from '../../../../src/contract/mapping';
import { withQuery } from '../../api/client';
import { useApiQuery } from '../../api/hooks';

export type FieldDefinition = MappingTargetResponse;
export type SectionKey = FieldDefinition['section'];

export const SECTION_LABELS: Readonly<Record<SectionKey, string>> = {
  basics: 'Basics',
  jobRole: 'Job & role',
  compensation: 'Compensation',
  employment: 'Employment',
};
const SECTION_ORDER: readonly SectionKey[] = ['basics', 'jobRole', 'compensation', 'employment'];

/** Keys a member carries that are not mapping targets. */
const EXTRA_LABELS: Readonly<Record<string, string>> = { workEmail: 'Work email' };

/**
 * The fields new hires of a connection carry, with labels and sections (GET /api/v1/new-hire-fields);
 * `null` for a record with no Ashby connection (a member imported from CSV): the standard fields.
 * `undefined` while the record is still loading.
 */
export function useFieldDefinitions(connectionId: string | null | undefined) {
  return useApiQuery<{ items: FieldDefinition[] }>(
    connectionId === undefined
      ? undefined
      : withQuery('/api/v1/new-hire-fields', { connectionId: connectionId ?? undefined }),
  );
}

export interface FieldRowSpec {
  readonly key: string;
  readonly label: string;
  readonly definition: FieldDefinition | undefined;
}

export interface FieldSectionSpec {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly FieldRowSpec[];
}

/** The label of a field key: the definition's, a known extra, else the key itself. */
export function labelOf(key: string, definitions: readonly FieldDefinition[] | undefined): string {
  return definitions?.find((d) => d.key === key)?.label ?? EXTRA_LABELS[key] ?? key;
}

/**
 * Lays fields out by section in definition order; keys the record holds that no definition names (a
 * target removed from the mapping, a member's work email) go to "Other fields", so nothing is hidden.
 */
export function groupFields(
  definitions: readonly FieldDefinition[] | undefined,
  presentKeys: readonly string[],
): FieldSectionSpec[] {
  const defs = definitions ?? [];
  const sections: FieldSectionSpec[] = SECTION_ORDER.map((section) => ({
    id: section,
    title: SECTION_LABELS[section],
    rows: defs
      .filter((d) => d.section === section)
      .map((d) => ({ key: d.key, label: d.label, definition: d })),
  })).filter((s) => s.rows.length > 0);
  const known = new Set(defs.map((d) => d.key));
  const others = presentKeys
    .filter((key) => !known.has(key))
    .map((key) => ({ key, label: EXTRA_LABELS[key] ?? key, definition: undefined }));
  if (others.length > 0) sections.push({ id: 'other', title: 'Other fields', rows: others });
  return sections;
}
