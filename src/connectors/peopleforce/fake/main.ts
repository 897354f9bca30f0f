import { parseArgs } from 'node:util';
import { startPeopleforceFake } from './peopleforce-fake.js';

/**
 * The PeopleForce fake as a standalone process, for the demo and cross-process tests:
 *   npx tsx src/connectors/peopleforce/fake/main.ts [--port 0]
 * Prints one JSON line with the base URL and credentials when ready; closes cleanly on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } }, strict: true });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes a port number');
  const fake = await startPeopleforceFake({ port });
  process.stdout.write(`${JSON.stringify({ url: fake.url, apiKey: fake.apiKey })}\n`);
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
