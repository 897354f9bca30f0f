/**
 * A value for a required field the import left empty, unique per hire `n` (PeopleForce and others refuse
 * shared emails): how the chaos suite and the push bench complete hires before Add member.
 */
export function fillRequiredValue(field: string, n: number): string {
  if (field === 'employmentStartDate') return '2027-01-04';
  if (field.endsWith('Email')) return `${field.toLowerCase()}.${n}@chaos.example`;
  return `${field} ${n}`;
}
