/** A member placed in the org chart: who they are and who reports to them. */
export interface OrgNode<M> {
  readonly member: M;
  readonly reports: readonly OrgNode<M>[];
}

/**
 * The directory as trees of reporting lines: people without a manager (or whose manager is not in the
 * list) are roots, each with their reports, sorted by `nameOf`. A reporting loop cannot come from the
 * API (an edit that would close one is refused), but members imported long ago might hold one: a member
 * already placed is not placed again, and the rest of a loop becomes a root, so every member appears
 * exactly once.
 */
export function orgTrees<M extends { readonly id: string; readonly managerId: string | null }>(
  members: readonly M[],
  nameOf: (member: M) => string,
): OrgNode<M>[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const reportsOf = new Map<string, M[]>();
  for (const m of members) {
    if (m.managerId === null || !byId.has(m.managerId)) continue;
    const list = reportsOf.get(m.managerId) ?? [];
    list.push(m);
    reportsOf.set(m.managerId, list);
  }
  const byName = (a: M, b: M) => nameOf(a).localeCompare(nameOf(b));
  const placed = new Set<string>();
  const build = (member: M): OrgNode<M> => {
    placed.add(member.id);
    const reports = (reportsOf.get(member.id) ?? []).filter((r) => !placed.has(r.id)).sort(byName);
    return { member, reports: reports.map(build) };
  };
  const roots = members.filter((m) => m.managerId === null || !byId.has(m.managerId)).sort(byName);
  const trees = roots.map(build);
  for (const m of [...members].sort(byName)) if (!placed.has(m.id)) trees.push(build(m));
  return trees;
}

/** How many people report to a node, directly or not. */
export function teamSize<M>(node: OrgNode<M>): number {
  return node.reports.reduce((sum, r) => sum + 1 + teamSize(r), 0);
}
