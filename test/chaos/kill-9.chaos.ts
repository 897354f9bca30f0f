import { describe, expect, it } from 'vitest';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { seededRandom, shuffled } from '../../src/connectors/ashby/fake/random.js';
import { startAshbySimulator, type AshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import type { Dialect } from '../../src/db/dialects/create-database.js';
import { freePort } from '../support/free-port.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { sendUntilAnswered, signedDelivery, type SignedDelivery } from './support/ashby-deliveries.js';
import { createChaosInstall } from './support/chaos-install.js';
import { scaled, sizes } from './support/chaos-settings.js';
import type { HireBridgeProcess } from './support/hirebridge-process.js';
import {
  hireFigures,
  hireLine,
  jobStates,
  newHiresByApplication,
  waitForDrain,
} from './support/queue-state.js';
import { chaosScenarios } from './support/scenario-run.js';

/**
 * Scenario 1, kill -9 chaos (reliability.md §6.2 Q1). Thousands of signed deliveries for hundreds of
 * applications (a quarter hired, with the three-event fan-out of a hire; 20% of deliveries sent twice;
 * all shuffled) go to a HireBridge server and a worker process, one of which is SIGKILLed every few
 * seconds and restarted. The sender behaves like Ashby: it retries until it gets an answer. After the
 * load stops and the queue drains: one new hire per hired application and none for the others, every
 * delivery that was answered 2xx stored and processed, no job left running or dead.
 */
const size = sizes.killChaos;
const scenarios = chaosScenarios();

/** Every delivery of the run: stage moves for everyone, the hire fan-out for the hired, 20% sent twice. */
function buildDeliveries(
  s: AshbySimulator,
  secret: string,
  random: () => number,
): { deliveries: SignedDelivery[]; hired: Set<string> } {
  const unique: SignedDelivery[] = [];
  const hired = new Set<string>();
  let n = 0;
  const actionId = () => `chaos-action-${++n}`;
  for (const applicationId of s.applicationIds()) {
    const application = s.application(applicationId);
    if (!application) throw new Error(`no application ${applicationId}`);
    const isHired = application.status === 'Hired';
    if (isHired) hired.add(applicationId);
    // Stage moves before the outcome: two for applications still open or archived, one before a hire.
    for (let i = 0; i < (isHired ? 1 : 2); i += 1) {
      const id = actionId();
      for (const action of ['candidateStageChange', 'applicationUpdate'])
        unique.push(signedDelivery(secret, { webhookActionId: id, action, data: { application } }));
    }
    if (isHired) {
      // Ashby's fan-out of one hire: three events under one webhookActionId.
      const id = actionId();
      for (const action of ['candidateHire', 'applicationUpdate', 'candidateStageChange'])
        unique.push(signedDelivery(secret, { webhookActionId: id, action, data: { application } }));
    }
  }
  // 20% of all deliveries are duplicates: a quarter of the unique ones sent a second time.
  const duplicates = shuffled(random, unique).slice(0, Math.round(unique.length / 4));
  return { deliveries: shuffled(random, [...unique, ...duplicates]), hired };
}

/**
 * Who runs: one server with a worker inside plus one worker process (every dialect), and on PostgreSQL
 * also the scaled-out deployment, two web-only instances behind a round-robin sender and two worker
 * processes, killed at random among the four.
 */
interface Topology {
  readonly name: string;
  readonly dialect: Dialect;
  readonly webs: number;
  readonly workers: number;
}
const topologies: Topology[] = TEST_DIALECTS.flatMap((dialect): Topology[] => [
  { name: dialect, dialect, webs: 1, workers: 1 },
  ...(dialect === 'postgres' ? [{ name: 'postgres, 2 web + 2 worker', dialect, webs: 2, workers: 2 }] : []),
]);

describe.each(topologies)('kill -9 chaos on $name', ({ name, dialect, webs, workers: workerCount }) => {
  it(
    'imports every hire exactly once while server and worker processes are SIGKILLed at random',
    async () => {
      const run = scenarios.begin(webs > 1 ? 'kill-9-scaled' : 'kill-9', dialect);
      const random = seededRandom(run.seed('shuffle and kill moments'));
      const sim = run.own(
        await startAshbySimulator({
          scenario: generateCompany({
            seed: run.seed('company'),
            hires: size.hired,
            active: size.active,
            archived: size.archived,
          }),
        }),
      );
      const inst = run.own(await createChaosInstall(dialect, { WORKER_CONCURRENCY: '4' }));
      // One server runs a worker too (the default deployment); scaled out, web instances only serve.
      const webEnv = (i: number): Record<string, string> =>
        webs === 1
          ? { RUN_WORKER: 'true' }
          : { HIREBRIDGE_ROLE: 'web', ...(ports[i] ? { PORT: ports[i] } : {}) };
      const ports: (string | undefined)[] = [undefined];
      for (let i = 1; i < webs; i += 1) ports.push(String(await freePort()));
      const servers: HireBridgeProcess[] = [];
      for (let i = 0; i < webs; i += 1) servers.push(await inst.startServer(webEnv(i)));
      const workers: HireBridgeProcess[] = [];
      for (let i = 0; i < workerCount; i += 1) workers.push(await inst.startWorker());
      const { connectionId, secretToken } = await inst.connect(sim.url, GENERATED_API_KEYS.full);
      const { deliveries, hired } = buildDeliveries(sim, secretToken, random);
      expect(deliveries.length).toBeGreaterThanOrEqual(2000);
      const webhookUrls = ports.map(
        (port) => `${port ? `http://127.0.0.1:${port}` : inst.url}/webhooks/ashby/${connectionId}`,
      );
      run.measured({ sent: deliveries.length, expected: hired.size });
      run.step('send under SIGKILL chaos');

      // The chaos: every 1-2.5 s (CI size) one of the processes is SIGKILLed and started again, for as
      // long as the load lasts and at least until each kind has died twice (on a loaded machine restarts
      // are slow, and a short load could otherwise end first; kills after it land on the drain).
      let sending = true;
      const kills = { server: 0, worker: 0 };
      const enoughKills = () => kills.server >= 2 && kills.worker >= 2;
      let chaosFailure: Error | undefined;
      const chaos = (async () => {
        while (sending || !enoughKills()) {
          const [low, high] = size.killEveryMs;
          await new Promise((resolve) => setTimeout(resolve, low + random() * (high - low)));
          if (!sending && enoughKills()) break;
          // Random moments, alternating kinds, so both die several times; a random one of the kind.
          if (kills.server <= kills.worker) {
            kills.server += 1;
            const i = Math.floor(random() * servers.length);
            await servers[i]!.kill();
            servers[i] = await inst.startServer(webEnv(i));
          } else {
            kills.worker += 1;
            const i = Math.floor(random() * workers.length);
            await workers[i]!.kill();
            workers[i] = await inst.startWorker();
          }
        }
      })().catch((err: unknown) => {
        // A process that cannot start again is a finding: stop the load and fail with its output.
        chaosFailure = err instanceof Error ? err : new Error(String(err));
        sending = false;
      });

      // The load: paced over the chaos window, a few deliveries in flight at once, each until answered.
      // A sender gives up only when no delivery at all was answered for a while: how long the whole load
      // takes depends on the machine (each restart takes seconds), a stall of the server does not.
      const started = Date.now();
      const stallLimitMs = scaled(60_000);
      let lastAnswer = started;
      const stalled = () => Date.now() - lastAnswer > stallLimitMs;
      const spacingMs = size.chaosMs / deliveries.length;
      const statuses: (number | undefined)[] = new Array<number | undefined>(deliveries.length);
      let next = 0;
      let retries = 0;
      const sender = async () => {
        for (let i = next++; i < deliveries.length && sending; i = next++) {
          const due = started + i * spacingMs;
          if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
          // Round robin over the web instances, as a load balancer would.
          const result = await sendUntilAnswered(
            webhookUrls[i % webhookUrls.length]!,
            deliveries[i]!,
            stalled,
          );
          if (result.status !== undefined) lastAnswer = Date.now();
          statuses[i] = result.status;
          retries += result.attempts - 1;
        }
      };
      const progress = setInterval(() => {
        const answered = statuses.filter((x) => x !== undefined).length;
        console.log(
          `kill -9 chaos [${name}] progress: ${answered}/${deliveries.length} answered, ${kills.server + kills.worker} kills, ${retries} resends`,
        );
      }, 10_000);
      await Promise.all(Array.from({ length: 8 }, sender)).finally(() => clearInterval(progress));
      run.measured({ acked: statuses.filter((x) => x !== undefined && x >= 200 && x < 300).length });
      sending = false;
      await chaos;
      if (chaosFailure) throw chaosFailure;

      // Drain with both processes up: leases of killed workers expire and their jobs are taken back.
      run.step('drain the queue');
      const drained = await waitForDrain(inst.db, scaled(size.chaosMs + 60_000)).then(
        () => true,
        () => false,
      );

      const acked = deliveries.filter((_, i) => (statuses[i] ?? 0) >= 200 && (statuses[i] ?? 0) < 300);
      const rows = await inst.db
        .selectFrom('webhook_deliveries')
        .select(['action_key', 'action', 'status'])
        .where('connection_id', '=', connectionId)
        .execute();
      const stored = new Map(rows.map((r) => [`${r.action_key}|${r.action}`, r.status]));
      const unprocessed = new Set(
        acked
          .map((d) => `${d.webhookActionId}|${d.action}`)
          .filter((key) => {
            const status = stored.get(key);
            return status === undefined || status === 'queued';
          }),
      );
      const hires = hireFigures(await newHiresByApplication(inst.db, connectionId), hired);
      const states = await jobStates(inst.db);
      console.log(
        `kill -9 chaos [${name}]: SIGKILLed the server ${kills.server} and the worker ${kills.worker} times, ${retries} resends after a failed send, jobs ${JSON.stringify(states)}`,
      );
      run.report({
        sent: deliveries.length,
        acked: acked.length,
        ...hireLine(hires),
        // Lost: hired applications without a new hire, plus 2xx-acknowledged deliveries not processed.
        lost: hires.lost + unprocessed.size,
      });

      expect(drained, `the queue did not drain: jobs ${JSON.stringify(states)}`).toBe(true);
      expect(kills.server).toBeGreaterThanOrEqual(2);
      expect(kills.worker).toBeGreaterThanOrEqual(2);
      expect(acked.length).toBe(deliveries.length);
      expect(unprocessed.size).toBe(0);
      expect(hires).toMatchObject({ duplicates: 0, unexpected: 0, lost: 0, newHires: hired.size });
      expect(states['running'] ?? 0).toBe(0);
      const dead = await inst.db
        .selectFrom('jobs')
        .select(['kind', 'last_error'])
        .where('state', '=', 'dead')
        .execute();
      expect(dead).toEqual([]);
    },
    scaled(size.chaosMs * 3 + 300_000),
  );
});
