import type { OrgUnit, OrgUnitKind } from '../core/model/member.js';
import { nameKey } from '../core/names/name-key.js';
import type { DirectoryData } from '../core/ports/directory-store.js';

/**
 * The department or location a member belongs to: matched by Ashby id, then by normalised name (which
 * learns the Ashby id it lacked), and created on first use. Called inside the caller's transaction, so
 * concurrent imports of one new name settle on one row through its unique name key.
 */
export async function matchOrgUnit(
  data: DirectoryData,
  unit: { kind: OrgUnitKind; ashbyId: string | null; name: string; newId: string; at: number },
): Promise<OrgUnit> {
  const { kind, ashbyId } = unit;
  const byAshby = ashbyId ? await data.findOrgUnitByAshbyId(kind, ashbyId) : undefined;
  if (byAshby) return byAshby;
  const key = nameKey(unit.name);
  const byName = await data.findOrgUnitByNameKey(kind, key);
  if (byName) {
    if (ashbyId && byName.ashbyId === null) await data.setOrgUnitAshbyId(kind, byName.id, ashbyId);
    return { ...byName, ashbyId: byName.ashbyId ?? ashbyId };
  }
  const created = { id: unit.newId, name: unit.name.trim(), ashbyId };
  await data.insertOrgUnit(kind, { ...created, nameKey: key, createdAt: unit.at });
  return created;
}
