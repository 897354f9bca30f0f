import { csvText } from '../core/csv/csv-text.js';
import { NEW_HIRE_FIELDS } from '../core/model/new-hire-fields.js';
import type { Member } from '../core/model/member.js';
import type { InboxStore } from '../core/ports/inbox-store.js';

/** The most members one export holds: the directories HireBridge serves are a few thousand people. */
const EXPORT_LIMIT = 50_000;

/**
 * The directory as CSV, with the columns `hirebridge members import` and the Members page read (so an
 * export edited in a spreadsheet can be imported into another HireBridge). Formula-like cells are
 * neutralised (core/csv/csv-text.ts).
 */
export async function exportMembersCsv(deps: { readonly inbox: InboxStore }): Promise<string> {
  const members = await deps.inbox.read((data) => data.searchMembers({ limit: EXPORT_LIMIT }));
  const byId = new Map(members.map((m) => [m.id, m]));
  const fieldKeys = NEW_HIRE_FIELDS.map((f) => f.key).filter((k) => k !== 'reportingTo');
  const header = [...fieldKeys, 'workEmail', 'managerEmail'];
  const emailOf = (m: Member | undefined) => {
    const email = m?.fields['workEmail'] ?? m?.fields['personalEmail'];
    return typeof email === 'string' ? email : '';
  };
  const rows = members.map((m) => [
    ...fieldKeys.map((k) =>
      k === 'department'
        ? (m.department?.name ?? m.fields[k])
        : k === 'location'
          ? (m.location?.name ?? m.fields[k])
          : m.fields[k],
    ),
    m.fields['workEmail'],
    m.managerId === null ? '' : emailOf(byId.get(m.managerId)),
  ]);
  return csvText(header, rows);
}
