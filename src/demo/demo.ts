/**
 * `npm run demo`: HireBridge and the Ashby simulator side by side, with a sample company. It connects
 * them (HireBridge creates its webhooks in the simulator), imports the company's past hires, then hires
 * a few more candidates over about a minute, so you can watch them arrive in the New hires inbox with
 * their offer letters and resumes. New-hire emails go to a local SMTP mailbox whose mail is printed.
 * Complete hires are added as members and pushed to a signed-webhook receiver and to local fakes of
 * HiBob, Humaans, PeopleForce and ChartHop (the same fakes the tests use), each added as a destination.
 * Data lives in ./data/demo (recreated at each run); stop with Ctrl-C.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, loadConfigFromProcess } from '../config/config.js';
import { markRunningDemo } from '../config/running-demo.js';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from '../connectors/ashby/fake/sample-fixture.js';
import { startAshbySimulator } from '../connectors/ashby/fake/simulator.js';
import { startCharthopFake } from '../connectors/charthop/fake/charthop-fake.js';
import { startHibobFake } from '../connectors/hibob/fake/hibob-fake.js';
import { hibobSeedWithLists } from '../connectors/hibob/fake/company-lists.js';
import { startHumaansFake } from '../connectors/humaans/fake/humaans-fake.js';
import { startPeopleforceFake } from '../connectors/peopleforce/fake/peopleforce-fake.js';
import type { Principal } from '../core/auth/role.js';
import { createLogger } from '../observability/logger.js';
import { startSmtpSink } from '../connectors/smtp/fake/smtp-sink.js';
import { startWebhookReceiver } from '../connectors/webhook/fake/receiver.js';
import { startServer } from '../main/start-server.js';

const LIVE_HIRES = [
  'b13b651c-235d-5e4b-9762-43d6a744fb5a',
  '5ad757a3-2f30-5c51-b9c4-fe43387e90c8',
  '9fb6f1e1-e29f-5730-9ab5-b4f8f5efa078',
  '6e08e678-345d-50ca-a349-16812d39df36',
];
const say = (text: string) => process.stdout.write(`${text}\n`);
const DEMO: Principal = { kind: 'token', id: 'demo', name: 'demo', role: 'admin' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dataDir = path.resolve('data/demo');
fs.rmSync(dataDir, { recursive: true, force: true });
// PORT and LOG_LEVEL come from the environment as usual; the rest is the demo's own.
const base = loadConfigFromProcess();
// The demo's mailbox: a local SMTP server whose mail is printed as it arrives.
const mailbox = await startSmtpSink();
mailbox.onMessage = (mail) => say(`  Mail to ${mail.to.join(', ')}: "${mail.subject}"`);
const config = loadConfig({
  SMTP_URL: mailbox.url,
  SMTP_FROM: 'HireBridge demo <hirebridge@northwind.example>',
  PORT: String(base.port),
  DATA_DIR: dataDir,
  PUBLIC_URL: `http://127.0.0.1:${base.port}`,
  LOG_LEVEL: base.logLevel === 'info' ? 'warn' : base.logLevel,
  // The demo's webhook receiver listens on 127.0.0.1, which the outbound address policy refuses otherwise.
  ALLOW_PRIVATE_OUTBOUND: 'true',
});
// A Standard Webhooks receiver, as a customer's system would run one: it verifies each signature and
// prints the member it received.
const receiver = await startWebhookReceiver({
  onEvent: ({ id, event }) => {
    const member = event.data.member;
    if (!member) return;
    const name = [member.fields['firstName'], member.fields['lastName']].filter((v) => typeof v === 'string');
    say(
      `  Webhook receiver: ${event.type} ${name.join(' ')} (member ${member.id}, ${member.documents.length} document links, webhook-id ${id}, signature verified)`,
    );
  },
});
const simulator = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH, timeScale: 0.01 });
// The HR systems, as local fakes. HiBob takes departments and sites only from its own lists, so its
// fake is set up the way a company's Bob would be: with the sample company's departments and offices.
// Its writes are allowed 60 a minute here (Bob's assumed 10 would make the demo's pushes wait).
const company = JSON.parse(fs.readFileSync(SAMPLE_COMPANY_PATH, 'utf8')) as {
  departments: { name: string }[];
  locations: { name: string }[];
};
const hibob = await startHibobFake({ seed: hibobSeedWithLists(company), writesPerMinute: 60 });
const humaans = await startHumaansFake();
const peopleforce = await startPeopleforceFake();
const charthop = await startCharthopFake();
// No first-run setup link: the demo's admin signs in through the invite link printed below.
const server = await startServer(
  config,
  { logger: createLogger(config.logLevel) },
  { printSetupLink: false },
);
const { container } = server;
// The admin who connects Ashby is who hears about new hires, unless others are chosen.
const admin = await container.services.people.addUser({
  email: 'admin@northwind.example',
  name: 'Demo Admin',
  role: 'admin',
  principal: DEMO,
});
const connected = await container.services.connectAshby({
  apiKey: SAMPLE_KEYS.full,
  apiUrl: simulator.url,
  name: 'Sample company (simulated Ashby)',
  actor: 'demo',
  connectedByUserId: admin.id,
});
const token = await container.createApiToken({ name: 'demo', role: 'admin' });
const destination = await container.services.destinations.add({
  type: 'webhook',
  name: 'Demo webhook receiver',
  credentials: { url: receiver.url },
  principal: DEMO,
});
receiver.setSecret(destination.generated['signingSecret'] ?? null);
const hrSystems = [
  { type: 'hibob', label: 'HiBob', url: hibob.url, credentials: hibob.credentials },
  { type: 'humaans', label: 'Humaans', url: humaans.url, credentials: { apiToken: humaans.apiToken } },
  {
    type: 'peopleforce',
    label: 'PeopleForce',
    url: peopleforce.url,
    credentials: { apiKey: peopleforce.apiKey },
  },
  {
    type: 'charthop',
    label: 'ChartHop',
    url: charthop.url,
    credentials: { apiToken: charthop.apiToken, orgId: charthop.orgId },
  },
];
for (const system of hrSystems) {
  const added = await container.services.destinations.add({
    type: system.type,
    name: `${system.label} (local fake)`,
    baseUrl: system.url,
    credentials: system.credentials,
    principal: DEMO,
  });
  if (system.type === 'hibob')
    await container.services.destinations.saveSettings({
      id: added.destination.id,
      settings: { writesPerMinute: 60 },
      principal: DEMO,
    });
}

say(`\nHireBridge demo`);
say(`  HireBridge:        ${server.url}`);
say(`  Ashby simulator:   ${simulator.url}`);
say(
  `  Connection:        ${connected.connection.id} (webhooks created in Ashby: ${connected.connection.ashbyWebhooks.map((w) => w.webhookType).join(', ')})`,
);
say(`  Admin API token:   ${token.token}`);
say(
  `  Webhook receiver:  ${receiver.url} (destination ${destination.destination.id}; members added are pushed to it)`,
);
for (const system of hrSystems)
  say(`  ${`${system.label}:`.padEnd(19)}${system.url} (local fake, a destination)`);
say(`  Sign in:           ${admin.inviteUrl} (choose Demo Admin's password)`);
say(`\nWatch the inbox:`);
say(`  curl -s -H "Authorization: Bearer ${token.token}" ${server.url}/api/v1/new-hires`);
say(`  curl -s -H "Authorization: Bearer ${token.token}" ${server.url}/api/v1/deliveries`);
say(`  curl -s -H "Authorization: Bearer ${token.token}" ${server.url}/api/v1/new-hires/<id>/documents`);
say(
  `  curl -s -H "Authorization: Bearer ${token.token}" "${server.url}/api/v1/notifications?userId=${admin.id}"`,
);
// The CLI reads ./data unless told otherwise: give the prefix that points it at the demo's data.
say(`\nUse the command line on the demo's data (from this directory, while the demo runs):`);
say(`  npx hirebridge new-hires list`);
say(`  (it finds the running demo; from elsewhere: DATA_DIR=${dataDir} npx hirebridge new-hires list)`);
say(`  New-hire emails to ${admin.email} are printed below as the demo mailbox receives them.\n`);

/** One line per destination once the member's pushes have settled (or after about a minute). */
async function sayPushes(memberId: string): Promise<void> {
  const destinations = await container.services.destinations.list();
  for (let i = 0; i < 240; i++) {
    const pushes = await container.services.destinations.memberPushes(memberId);
    if (pushes.length > 0 && pushes.every((p) => p.status !== 'pending')) {
      for (const push of pushes) {
        const name = destinations.find((d) => d.id === push.destinationId)?.name ?? 'a destination';
        say(`  Pushed to ${name}: ${push.status}${push.lastError ? ` (${push.lastError})` : ''}`);
      }
      return;
    }
    await sleep(250);
  }
}

/** One line per document of the new hire of an application, once its downloads have finished. */
async function sayDocuments(applicationId: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const hire = (await container.services.listNewHires({ limit: 500 })).find(
      (n) => n.applicationId === applicationId,
    );
    const docs = hire ? await container.services.documents.list({ newHireId: hire.id }) : [];
    if (hire && docs.every((d) => d.status !== 'pending')) {
      if (docs.length === 0) say('  No documents in Ashby for this hire.');
      for (const d of docs) {
        say(
          `  Document: ${d.fileName} -> ${d.category.kind === 'type' ? 'document type' : 'folder'} "${d.category.name}" (${d.status}${d.sizeBytes === null ? '' : `, ${d.sizeBytes} bytes`})`,
        );
      }
      return;
    }
    await sleep(250);
  }
}

const backfill = await container.backfillAshby({ connectionId: connected.connection.id, includePast: true });
say(`Backfill: ${backfill.found} past hires found in Ashby and queued for import.`);
let past = await container.services.listNewHires({ limit: 500 });
let pastDocs = (
  await Promise.all(past.map((n) => container.services.documents.list({ newHireId: n.id })))
).flat();
// Until the imports and their downloads are done (a few seconds), then one summary line.
for (
  let i = 0;
  i < 40 &&
  (past.length < backfill.found || pastDocs.length === 0 || pastDocs.some((d) => d.status === 'pending'));
  i++
) {
  await sleep(250);
  past = await container.services.listNewHires({ limit: 500 });
  pastDocs = (
    await Promise.all(past.map((n) => container.services.documents.list({ newHireId: n.id })))
  ).flat();
}
say(
  `Past hires in the inbox: ${past.length}, with ${pastDocs.filter((d) => d.status === 'stored').length} documents stored ` +
    `(${pastDocs.filter((d) => d.kind === 'offer_letter').length} offer letters, ${pastDocs.filter((d) => d.kind === 'resume').length} resumes, ` +
    `${pastDocs.filter((d) => d.kind === 'candidate_file').length} other files); ` +
    `${mailbox.messages.length} emails in the mailbox (the invite and notifications).\n`,
);

// The CLI run from this directory finds the demo's data while the demo runs.
const unmarkDemo = markRunningDemo(dataDir);
let stopping = false;
const stop = async () => {
  if (stopping) process.exit(1);
  stopping = true;
  unmarkDemo();
  await simulator.close();
  await server.stop(2_000);
  await receiver.close();
  await Promise.all([hibob, humaans, peopleforce, charthop].map((fake) => fake.close()));
  await mailbox.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

for (const [i, applicationId] of LIVE_HIRES.entries()) {
  await new Promise((resolve) => setTimeout(resolve, i === 0 ? 3_000 : 15_000));
  if (stopping) break;
  const { application } = simulator.hire(applicationId);
  say(
    `Hired ${application.candidate.name} in Ashby (application ${applicationId}); the webhooks are on their way.`,
  );
  await sleep(1_500);
  const inbox = await container.services.listNewHires({ limit: 500 });
  say(`  New hires inbox now holds ${inbox.length}.`);
  await sayDocuments(applicationId);
  // A complete hire is added to the directory, as a reviewer would: the receiver prints its push.
  const hire = inbox.find((n) => n.applicationId === applicationId);
  if (hire && hire.missingRequired.length === 0) {
    const { member } = await container.services.addMember({ newHireId: hire.id, principal: DEMO });
    say(`  Added as a member; pushing it to the webhook receiver and the four HR systems.`);
    void sayPushes(member.id);
  } else if (hire) {
    say(`  Not added as a member yet: ${hire.missingRequired.join(', ')} missing (fill them in the app).`);
  }
}
say('\nDone hiring. HireBridge keeps running; press Ctrl-C to stop.');
