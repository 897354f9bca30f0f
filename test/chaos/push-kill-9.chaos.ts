import { describe, expect, it } from 'vitest';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { seededRandom } from '../../src/connectors/ashby/fake/random.js';
import { startAshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { startPeopleforceFake } from '../../src/connectors/peopleforce/fake/peopleforce-fake.js';
import { startWebhookReceiver } from '../../src/connectors/webhook/fake/receiver.js';
import { fillRequiredValue } from '../support/fill-required.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { createChaosInstall, type ChaosInstall } from './support/chaos-install.js';
import { scaled, sizes } from './support/chaos-settings.js';
import { applicationsWith } from './support/hire-deliveries.js';
import { workerIdOf, type HireBridgeProcess } from './support/hirebridge-process.js';
import { jobStates, pendingWork } from './support/queue-state.js';
import { peopleforcePeople, webhookPeople } from './support/remote-people.js';
import { chaosScenarios } from './support/scenario-run.js';
import { settle } from './support/simulator-calls.js';
import { startSlowAnswerProxy, type HeldWrite } from './support/slow-answer-proxy.js';

/**
 * Pushes under kill -9 (issue "Destinations", reliability.md §3.6). Hires come in from the Ashby
 * simulator; two destinations are added over the API (the signed-webhook receiver and the PeopleForce
 * fake, both real HTTP servers, each behind a proxy that holds the answers to writes back for a moment, so
 * the remote person exists before the worker can record it); then Add member is called for every hire,
 * each with both destinations, while the worker processes that push are SIGKILLed at random moments
 * (preferably while one of them waits for a held answer) and started again. After the queue drains: every
 * push delivered, exactly one remote person per member and destination, no job left running or dead.
 */
const size = sizes.pushChaos;
/** How long the answer to a remote write is held back (shapes the load; does not scale). */
const HOLD_MS = 200;
const scenarios = chaosScenarios();
type Kind = 'webhook' | 'peopleforce';

interface NewHire {
  id: string;
  missingRequired: string[];
  source: { applicationId: string };
}

/** JSON over the installation's API with a token; the body parsed, or undefined when empty. */
async function call<T>(inst: ChaosInstall, token: string, path: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${inst.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

describe.each(TEST_DIALECTS)('pushes under kill -9 on %s', (dialect) => {
  it(
    'delivers every Add member to two destinations exactly once while workers are SIGKILLed at random',
    async () => {
      const run = scenarios.begin('push-kill-9', dialect);
      const random = seededRandom(run.seed('kill moments'));
      const sim = run.own(
        await startAshbySimulator({
          scenario: generateCompany({
            seed: run.seed('company'),
            hires: 2,
            active: size.members + 2,
            archived: 2,
          }),
          seed: run.seed('simulator'),
          timeScale: 0.001,
        }),
      );
      const receiver = run.own(await startWebhookReceiver());
      const peopleforce = run.own(await startPeopleforceFake());
      // Kills, not the vendor's rate limit, are under test (the conformance suite covers 429s).
      peopleforce.faults.rateLimitPerMinute = 100_000;
      // Answers to writes come back late: the window between a remote create and its record stays open
      // long enough for the chaos to kill a worker inside it.
      const proxies = {
        webhook: run.own(await startSlowAnswerProxy(receiver.url, HOLD_MS)),
        peopleforce: run.own(await startSlowAnswerProxy(peopleforce.url, HOLD_MS)),
      };
      const inst = run.own(
        await createChaosInstall(dialect, {
          WORKER_CONCURRENCY: '4',
          DESTINATION_RETRY_BASE_MS: '100',
          DESTINATION_REQUESTS_PER_MINUTE: '60000',
        }),
      );
      // The server only serves: every push runs in a worker process that the chaos kills.
      await inst.startServer({ HIREBRIDGE_ROLE: 'web' });
      const workers: HireBridgeProcess[] = [await inst.startWorker(), await inst.startWorker()];
      const admin = (path: string, method?: string, body?: unknown) =>
        call<Record<string, unknown>>(inst, inst.adminToken, path, method, body);

      run.step('import hires from Ashby');
      await inst.connect(sim.url, GENERATED_API_KEYS.full);
      const toHire = new Set(applicationsWith(sim, 'Active').slice(0, size.members));
      for (const id of toHire) sim.hire(id);
      await settle(sim, inst, scaled(60_000));
      const hires = await waitFor(
        `${toHire.size} new hires`,
        async () => {
          const list = await call<{ items: NewHire[] }>(inst, inst.adminToken, '/api/v1/new-hires?limit=500');
          const items = list.body.items.filter((h) => toHire.has(h.source.applicationId));
          return items.length === toHire.size ? items : undefined;
        },
        scaled(30_000),
        100,
      );
      for (const [n, hire] of hires.entries()) {
        if (hire.missingRequired.length === 0) continue;
        const fields = Object.fromEntries(hire.missingRequired.map((k) => [k, fillRequiredValue(k, n)]));
        const patched = await admin(`/api/v1/new-hires/${hire.id}`, 'PATCH', { fields });
        expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      }

      run.step('add two destinations');
      const webhook = await admin('/api/v1/destinations', 'POST', {
        type: 'webhook',
        name: 'Chaos receiver',
        credentials: { url: proxies.webhook.url },
      });
      expect(webhook.status, JSON.stringify(webhook.body)).toBe(201);
      const { signingSecret } = webhook.body['generatedCredentials'] as { signingSecret: string };
      receiver.setSecret(signingSecret);
      const hr = await admin('/api/v1/destinations', 'POST', {
        type: 'peopleforce',
        name: 'Chaos PeopleForce',
        baseUrl: proxies.peopleforce.url,
        credentials: { apiKey: peopleforce.apiKey },
      });
      expect(hr.status, JSON.stringify(hr.body)).toBe(201);
      const destinations = [String(webhook.body['id']), String(hr.body['id'])];
      run.measured({ sent: 0, members: 0 });

      run.step('Add member under SIGKILL chaos');
      let adding = true;
      const kills = { total: 0, webhook: 0, peopleforce: 0 };
      let chaosFailure: Error | undefined;
      const destinationOf = { webhook: destinations[0]!, peopleforce: destinations[1]! };
      /** The member a held write is for: the event names it; PeopleForce writes lead to the email. */
      const memberOfHeld = async (kind: Kind, write: HeldWrite): Promise<string | undefined> => {
        try {
          if (kind === 'webhook')
            return (JSON.parse(write.body) as { data?: { member?: { id?: string } } }).data?.member?.id;
          const employeeId = /\/employees\/(\d+)/.exec(write.path)?.[1];
          const email = employeeId
            ? peopleforce.state.employees.get(Number(employeeId))?.personal_email
            : (JSON.parse(write.body) as { personal_email?: string }).personal_email;
          if (!email) return undefined;
          const member = await inst.db
            .selectFrom('members')
            .select('id')
            .where('personal_email_key', '=', email.trim().toLowerCase())
            .executeTakeFirst();
          return member?.id;
        } catch {
          return undefined; // a body that is not JSON (a document upload) names no one
        }
      };
      /** The worker waiting right now for a held answer from `kind`: killing it leaves a write unrecorded. */
      const waitingWorker = async (kind: Kind) => {
        const running = await inst.db
          .selectFrom('jobs')
          .select(['locked_by', 'payload'])
          .where('kind', '=', 'destinations.push')
          .where('state', '=', 'running')
          .execute();
        for (const write of proxies[kind].held()) {
          const memberId = await memberOfHeld(kind, write);
          const job = running.find((j) => {
            const p = JSON.parse(j.payload) as { memberId: string; destinationId: string };
            return p.memberId === memberId && p.destinationId === destinationOf[kind];
          });
          const i = workers.findIndex((w) => w.alive && job !== undefined && workerIdOf(w) === job.locked_by);
          if (i !== -1) return { i };
        }
        return undefined;
      };
      const chaos = (async () => {
        while (adding || kills.total < size.minKills) {
          // Random moments shape the load; they are not waits for a condition.
          const [low, high] = size.killEveryMs;
          await new Promise((resolve) => setTimeout(resolve, low + random() * (high - low)));
          // Each destination in turn: wait a short while for a worker whose write there is made and its
          // answer held (the remote person exists, the worker has not recorded it), else kill any worker.
          const kind: Kind = kills.total % 2 === 0 ? 'webhook' : 'peopleforce';
          const target = await waitFor(
            `a worker waiting for a held ${kind} answer`,
            () => waitingWorker(kind),
            1_500,
            5,
          ).catch(() => undefined);
          const i = target?.i ?? Math.floor(random() * workers.length);
          kills.total += 1;
          if (target) kills[kind] += 1;
          await workers[i]!.kill();
          workers[i] = await inst.startWorker();
        }
      })().catch((err: unknown) => {
        // A worker that cannot start again is a finding: stop and fail with its output.
        chaosFailure = err instanceof Error ? err : new Error(String(err));
      });

      // Add member for every hire, spread over the chaos window, two calls in flight at once.
      const started = Date.now();
      const spacingMs = size.chaosMs / hires.length;
      const answers: number[] = [];
      const members: string[] = [];
      let next = 0;
      const adder = async () => {
        for (let i = next++; i < hires.length && !chaosFailure; i = next++) {
          const due = started + i * spacingMs;
          if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
          const added = await call<{ id: string }>(
            inst,
            inst.inboxToken,
            `/api/v1/new-hires/${hires[i]!.id}/add-member`,
            'POST',
            { destinations },
          );
          answers.push(added.status);
          if (added.status === 201) members.push(added.body.id);
          run.measured({ sent: answers.length, members: members.length });
        }
      };
      await Promise.all([adder(), adder()]);
      adding = false;
      await chaos;
      if (chaosFailure) throw chaosFailure;

      run.step('drain the pushes');
      const pendingPushes = async () =>
        Number(
          (
            await inst.db
              .selectFrom('pushes')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', '=', 'pending')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const drained = await waitFor(
        'every push to settle and the queue to drain',
        async () => (await pendingPushes()) === 0 && (await pendingWork(inst.db)) === 0,
        scaled(60_000),
        200,
      ).then(
        () => true,
        () => false,
      );

      const pushes = await inst.db.selectFrom('pushes').select(['status', 'last_error']).execute();
      const delivered = pushes.filter((p) => p.status === 'delivered').length;
      const viaWebhook = webhookPeople(receiver, members);
      const viaHr = await peopleforcePeople(inst.db, peopleforce, destinations[1]!, members);
      const states = await jobStates(inst.db);
      console.log(
        `push kill -9 [${dialect}]: SIGKILLed a worker ${kills.total} times (${kills.webhook} waiting for a held ` +
          `webhook answer, ${kills.peopleforce} for a held PeopleForce one); remote writes whose answer never ` +
          `reached the killed worker: webhook ${proxies.webhook.abandoned()}, PeopleForce ${proxies.peopleforce.abandoned()}; ` +
          `${receiver.duplicateCount()} webhook redeliveries deduplicated by webhook-id, ` +
          `${viaHr.refusedCreates} PeopleForce creates refused as duplicates, jobs ${JSON.stringify(states)}, ` +
          `${Math.round((Date.now() - started) / 1000)} s from the first Add member`,
      );
      const expectedPushes = members.length * destinations.length;
      run.report({
        sent: answers.length,
        acked: answers.filter((s) => s === 201).length,
        members: members.length,
        pushes: pushes.length,
        delivered,
        remotePeople: viaWebhook.remotePeople + viaHr.remotePeople,
        duplicates: viaWebhook.duplicates + viaHr.duplicates,
        // Lost: a member without a person in a destination, or a push that never got delivered.
        lost: viaWebhook.lost + viaHr.lost + (expectedPushes - delivered),
      });

      expect(drained, `pushes did not settle: jobs ${JSON.stringify(states)}`).toBe(true);
      expect(answers).toEqual(hires.map(() => 201));
      expect(kills.total).toBeGreaterThanOrEqual(size.minKills);
      // In each destination, a write was made and its worker killed before the answer: the window between
      // a remote create and its record was exercised on both.
      expect(proxies.webhook.abandoned()).toBeGreaterThanOrEqual(1);
      expect(proxies.peopleforce.abandoned()).toBeGreaterThanOrEqual(1);
      expect(pushes.filter((p) => p.status !== 'delivered')).toEqual([]);
      expect(pushes).toHaveLength(expectedPushes);
      expect(viaWebhook).toEqual({ remotePeople: members.length, duplicates: 0, lost: 0 });
      expect(viaHr).toMatchObject({ remotePeople: members.length, duplicates: 0, lost: 0, misLinked: 0 });
      expect(receiver.rejectedCount()).toBeLessThanOrEqual(1); // the ping before the secret was known
      expect(states['running'] ?? 0).toBe(0);
      const dead = await inst.db
        .selectFrom('jobs')
        .select(['kind', 'last_error'])
        .where('state', '=', 'dead')
        .execute();
      expect(dead).toEqual([]);
    },
    scaled(300_000),
  );
});
