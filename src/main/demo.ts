/**
 * `npm run demo`: HireBridge and the Ashby simulator side by side, with a sample company. It connects
 * them (HireBridge creates its webhooks in the simulator), imports the company's past hires, then hires
 * a few more candidates over about a minute, so you can watch them arrive in the New hires inbox.
 * Data lives in ./data/demo (recreated at each run); stop with Ctrl-C.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, loadConfigFromProcess } from '../config/config.js';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from '../connectors/ashby/fake/sample-fixture.js';
import { startAshbySimulator } from '../connectors/ashby/fake/simulator.js';
import { createLogger } from '../observability/logger.js';
import { startServer } from './start-server.js';

const LIVE_HIRES = [
  'b13b651c-235d-5e4b-9762-43d6a744fb5a',
  '5ad757a3-2f30-5c51-b9c4-fe43387e90c8',
  '9fb6f1e1-e29f-5730-9ab5-b4f8f5efa078',
  '6e08e678-345d-50ca-a349-16812d39df36',
];
const say = (text: string) => process.stdout.write(`${text}\n`);

const dataDir = path.resolve('data/demo');
fs.rmSync(dataDir, { recursive: true, force: true });
// PORT and LOG_LEVEL come from the environment as usual; the rest is the demo's own.
const base = loadConfigFromProcess();
const config = loadConfig({
  PORT: String(base.port),
  DATA_DIR: dataDir,
  PUBLIC_URL: `http://127.0.0.1:${base.port}`,
  LOG_LEVEL: base.logLevel === 'info' ? 'warn' : base.logLevel,
});
const simulator = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH, timeScale: 0.01 });
const server = await startServer(config, { logger: createLogger(config.logLevel) });
const { container } = server;
const connected = await container.services.connectAshby({ apiKey: SAMPLE_KEYS.full, apiUrl: simulator.url, name: 'Sample company (simulated Ashby)', actor: 'demo' });
const token = await container.createApiToken({ name: 'demo', role: 'admin' });

say(`\nHireBridge demo`);
say(`  HireBridge:        ${server.url}`);
say(`  Ashby simulator:   ${simulator.url}`);
say(`  Connection:        ${connected.connection.id} (webhooks created in Ashby: ${connected.connection.ashbyWebhooks.map((w) => w.webhookType).join(', ')})`);
say(`  Admin API token:   ${token.token}`);
say(`\nWatch the inbox:`);
say(`  curl -s -H "Authorization: Bearer ${token.token}" ${server.url}/api/v1/new-hires`);
say(`  curl -s -H "Authorization: Bearer ${token.token}" ${server.url}/api/v1/deliveries\n`);

const backfill = await container.backfillAshby({ connectionId: connected.connection.id, since: null });
say(`Backfill: ${backfill.found} past hires found in Ashby and queued for import.`);

let stopping = false;
const stop = async () => {
  if (stopping) process.exit(1);
  stopping = true;
  await simulator.close();
  await server.stop(2_000);
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

for (const [i, applicationId] of LIVE_HIRES.entries()) {
  await new Promise((resolve) => setTimeout(resolve, i === 0 ? 3_000 : 15_000));
  if (stopping) break;
  const { application } = simulator.hire(applicationId);
  say(`Hired ${application.candidate.name} in Ashby (application ${applicationId}); the webhooks are on their way.`);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const inbox = await container.services.listNewHires({ limit: 500 });
  say(`  New hires inbox now holds ${inbox.length}.`);
}
say('\nDone hiring. HireBridge keeps running; press Ctrl-C to stop.');
