import { round } from './lib/percentiles.js';
import { countByEndpoint, type HireSession } from './lib/hire-session.js';

/**
 * Benchmark 3, Ashby calls per hire, counted by the simulator: every API call it answered, whatever
 * the status (document downloads, which are not API calls, are counted apart). Cold: the first hire after HireBridge started (its caches of departments, locations,
 * users and custom-field definitions are empty). Warm: the mean over the next `warmHires` hires. A hire
 * is counted from sim.hire() until HireBridge has no import waiting or running, so a second import
 * set off by the hire's other webhook (Ashby sends candidateHire and applicationUpdate) is included.
 * Must run first on a fresh session.
 */
export async function runAshbyCalls(session: HireSession, options: { warmHires: number }) {
  const cold = await session.hireNext();
  const warm = [];
  for (let i = 0; i < options.warmHires; i++) warm.push(await session.hireNext());
  // API calls (POST /<category>.<method>, what Ashby's per-key limit counts); document downloads from
  // the short-lived URLs file.info hands out are reported on their own.
  const isApi = (c: { endpoint: string }) => c.endpoint !== 'file.download';
  const warmAll = warm.flatMap((h) => h.calls);
  const warmCalls = warmAll.filter(isApi);
  const coldCalls = cold.calls.filter(isApi);
  const imports = (calls: readonly { endpoint: string }[]) =>
    calls.filter((c) => c.endpoint === 'application.info').length;
  return {
    callsPerHireWarm: round(warmCalls.length / warm.length, 2),
    callsPerHireCold: coldCalls.length,
    fileDownloadsPerHireWarm: round((warmAll.length - warmCalls.length) / warm.length, 2),
    warmHires: warm.length,
    // Each import starts with one application.info, so this is the number of import runs per hire.
    importsPerHireWarm: round(imports(warmCalls) / warm.length, 2),
    importsCold: imports(coldCalls),
    warmByEndpoint: Object.fromEntries(
      Object.entries(countByEndpoint(warmAll)).map(([endpoint, n]) => [endpoint, round(n / warm.length, 2)]),
    ),
    coldByEndpoint: countByEndpoint(cold.calls),
    nonOkCalls: [...cold.calls, ...warmAll].filter((c) => c.status !== 200).length,
  };
}
