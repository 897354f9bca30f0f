import { parseArgs } from 'node:util';
import { startAshbySimulator } from './simulator.js';

/**
 * Standalone simulator for demos, benchmarks and cross-process tests:
 *   npx tsx src/connectors/ashby/fake/main.ts --scenario <file> [--port 0] [--time-scale 0.01] [--seed 1]
 * Prints one JSON line `{"url", "apiKeys"}` when ready; closes cleanly on SIGTERM/SIGINT.
 * Without --scenario it serves a generated company (`--hires N`, default 10).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      port: { type: 'string', default: '0' },
      'time-scale': { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      hires: { type: 'string', default: '10' },
    },
    strict: true,
  });
  const port = Number(values.port);
  const timeScale = Number(values['time-scale']);
  const seed = Number(values.seed);
  if (![port, timeScale, seed].every(Number.isFinite))
    throw new Error('--port, --time-scale and --seed take numbers');
  const { generateCompany } = await import('./generator.js');
  const simulator = await startAshbySimulator({
    ...(values.scenario === undefined
      ? { scenario: generateCompany({ seed, hires: Number(values.hires) }) }
      : { scenarioFile: values.scenario }),
    port,
    timeScale,
    seed,
  });
  process.stdout.write(`${JSON.stringify({ url: simulator.url, apiKeys: simulator.apiKeys })}\n`);
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
