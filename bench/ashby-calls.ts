import { round } from './lib/percentiles.js';
import { countByEndpoint, type HireSession } from './lib/hire-session.js';

/**
 * Benchmark 3, Ashby calls per hire, counted by the simulator (every API call it answered, whatever
 * the status). Cold: the first hire after HireBridge started (its caches of departments, locations,
 * users and custom-field definitions are empty). Warm: the mean over the next `warmHires` hires. A hire
 * is counted from sim.hire() until HireBridge has no import waiting or running, so a second import
 * set off by the hire's other webhook (Ashby sends candidateHire and applicationUpdate) is included.
 * Must run first on a fresh session.
 */
export async function runAshbyCalls(session: HireSession, options: { warmHires: number }) {
  const cold = await session.hireNext();
  const warm = [];
  for (let i = 0; i < options.warmHires; i++) warm.push(await session.hireNext());
  const warmCalls = warm.flatMap((h) => h.calls);
  const imports = (calls: readonly { endpoint: string }[]) =>
    calls.filter((c) => c.endpoint === 'application.info').length;
  return {
    callsPerHireWarm: round(warmCalls.length / warm.length, 2),
    callsPerHireCold: cold.calls.length,
    warmHires: warm.length,
    // Each import starts with one application.info, so this is the number of import runs per hire.
    importsPerHireWarm: round(imports(warmCalls) / warm.length, 2),
    importsCold: imports(cold.calls),
    warmByEndpoint: Object.fromEntries(
      Object.entries(countByEndpoint(warmCalls)).map(([endpoint, n]) => [
        endpoint,
        round(n / warm.length, 2),
      ]),
    ),
    coldByEndpoint: countByEndpoint(cold.calls),
    nonOkCalls: [...cold.calls, ...warmCalls].filter((c) => c.status !== 200).length,
  };
}
