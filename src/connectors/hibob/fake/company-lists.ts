import { loadDefaultSeed, type HibobSeed } from './state.js';

/**
 * The fake's default company with its department and site lists replaced by another company's names,
 * as a people team's Bob would list them: HiBob takes departments and sites only as items of its own
 * lists (§2.3), so a fake that serves an Ashby company (the demo's sample, the bench's generated one)
 * must know that company's departments and offices.
 */
export function hibobSeedWithLists(company: {
  readonly departments: readonly { readonly name: string }[];
  readonly locations: readonly { readonly name: string }[];
}): HibobSeed {
  const seed = loadDefaultSeed();
  const listOf = (name: string, items: readonly { readonly name: string }[], firstId: number) => ({
    name,
    values: items.map((item, i) => ({
      id: String(firstId + i),
      value: item.name,
      name: item.name,
      archived: false,
      children: [],
    })),
  });
  return {
    ...seed,
    namedLists: {
      ...seed.namedLists,
      department: listOf('department', company.departments, 500),
      site: listOf('site', company.locations, 600),
    },
  };
}
