import { GENERATED_API_KEYS, generateCompany } from '../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../src/connectors/ashby/fake/simulator.js';
import { startCharthopFake } from '../src/connectors/charthop/fake/charthop-fake.js';
import { hibobSeedWithLists } from '../src/connectors/hibob/fake/company-lists.js';
import { startHibobFake } from '../src/connectors/hibob/fake/hibob-fake.js';
import { startHumaansFake } from '../src/connectors/humaans/fake/humaans-fake.js';
import { startPeopleforceFake } from '../src/connectors/peopleforce/fake/peopleforce-fake.js';
import { startSlowAnswerProxy, type AnsweredCall } from '../test/chaos/support/slow-answer-proxy.js';
import { fillRequiredValue } from '../test/support/fill-required.js';
import { waitFor } from '../test/support/wait-for.js';
import { startHireBridge, type HireBridge, type ServerMode } from './lib/hirebridge.js';
import { round } from './lib/percentiles.js';

/**
 * Benchmark 6, pushes: `members` hires are added as members with all four HR systems as destinations at
 * once, and each system's fake enforces a per-minute limit (`limits`) of calls in any rolling 60 s (then
 * 429 + Retry-After), as the reference describes their limits. HiBob's is on writes, at the 10 a minute
 * the reference says to design for (its search has a limit of its own, five times larger, as 50 is to
 * 10); the others' are on every call and UNCONFIRMED, so each gets a number that makes the run need a
 * few windows for the calls a push makes there.
 *
 * Reported per destination: pushes per minute over the run (from the first call to the last, plus the
 * one minute window the last call counts in), as a fraction of the most the limit allows (limit ÷ that
 * destination's limited calls per push, i.e. the share of the limit the pushes used), the 429s met, and
 * pushes not delivered. A counting proxy (the chaos suite's, with no hold) in front of each fake sees
 * every call and its status. A run should need a few windows (members × calls per push several times
 * the limit), or the figure is only how much of one window the pushes filled.
 */
export async function runPushes(options: {
  mode: ServerMode;
  members: number;
  limits: { hibob: number; humaans: number; peopleforce: number; charthop: number };
  /** Pushes still pending then are reported as not delivered. */
  deadlineMs: number;
}) {
  const { limits } = options;
  const company = generateCompany({ seed: 17, hires: options.members });
  const sim = await startAshbySimulator({ scenario: company, knobs: { latencyMs: 5 } });
  const hibob = await startHibobFake({
    seed: hibobSeedWithLists(company),
    writesPerMinute: limits.hibob,
    searchesPerMinute: limits.hibob * 5,
  });
  const humaans = await startHumaansFake({ requestsPerMinute: limits.humaans });
  const peopleforce = await startPeopleforceFake();
  peopleforce.faults.rateLimitPerMinute = limits.peopleforce;
  const charthop = await startCharthopFake();
  charthop.faults.rateLimitPerMinute = limits.charthop;
  const fakes = [hibob, humaans, peopleforce, charthop];
  const systems = [
    {
      type: 'hibob',
      url: hibob.url,
      credentials: hibob.credentials,
      // HiBob's pace is its own setting (writes and searches apart); HireBridge's default is 10 a minute.
      settings: { writesPerMinute: limits.hibob, searchesPerMinute: limits.hibob * 5 },
      limited: (c: AnsweredCall) => c.method !== 'GET' && !c.path.includes('/people/search'),
    },
    { type: 'humaans', url: humaans.url, credentials: { apiToken: humaans.apiToken }, limited: () => true },
    {
      type: 'peopleforce',
      url: peopleforce.url,
      credentials: { apiKey: peopleforce.apiKey },
      limited: () => true,
    },
    {
      type: 'charthop',
      url: charthop.url,
      credentials: { apiToken: charthop.apiToken, orgId: charthop.orgId },
      limited: () => true,
    },
  ];
  const proxies = await Promise.all(systems.map((s) => startSlowAnswerProxy(s.url, 0)));
  let hb: HireBridge | undefined;
  try {
    hb = await startHireBridge({
      name: 'HireBridge (sqlite, with worker, pushes)',
      dialect: 'sqlite',
      mode: options.mode,
      env: {
        RUN_WORKER: 'true',
        WORKER_CONCURRENCY: '4',
        ASHBY_REQUESTS_PER_MINUTE: '100000',
        // HireBridge's own pace of push attempts per destination, set out of the way: what is measured
        // is how the connectors meet each system's limit (their own pacing, or its 429s).
        DESTINATION_REQUESTS_PER_MINUTE: '6000',
      },
    });
    const api = hb.api.bind(hb);
    const { connectionId } = await hb.connect(sim.url, GENERATED_API_KEYS.full);
    const backfill = await hb.cli(
      ['ashby', 'backfill', '--connection', connectionId, '--include-past', '--no-wait'],
      120_000,
    );
    if (backfill.code !== 0)
      throw new Error(`backfill CLI failed (${backfill.code}): ${backfill.stderr.slice(-500)}`);
    type NewHire = { id: string; missingRequired: string[] };
    const hires = await waitFor(
      `${options.members} new hires`,
      async () => {
        const list = await api<{ items: NewHire[] }>('/api/v1/new-hires?limit=500');
        return list.body.items.length >= options.members ? list.body.items : undefined;
      },
      120_000,
      100,
    );
    for (const [n, hire] of hires.entries()) {
      if (hire.missingRequired.length === 0) continue;
      const fields = Object.fromEntries(hire.missingRequired.map((k) => [k, fillRequiredValue(k, n)]));
      const patched = await api(`/api/v1/new-hires/${hire.id}`, { method: 'PATCH', body: { fields } });
      if (patched.status !== 200)
        throw new Error(`could not fill ${hire.id}: ${JSON.stringify(patched.body)}`);
    }
    const destinationIds: string[] = [];
    for (const [i, system] of systems.entries()) {
      const added = await api<{ id: string }>('/api/v1/destinations', {
        method: 'POST',
        body: {
          type: system.type,
          name: `Bench ${system.type}`,
          baseUrl: proxies[i]!.url,
          credentials: system.credentials,
        },
      });
      if (added.status !== 201)
        throw new Error(`could not add ${system.type}: ${JSON.stringify(added.body)}`);
      destinationIds.push(added.body.id);
      if (system.settings) {
        const saved = await api(`/api/v1/destinations/${added.body.id}/settings`, {
          method: 'PATCH',
          body: { settings: system.settings },
        });
        if (saved.status !== 200)
          throw new Error(`could not set ${system.type}'s settings: ${JSON.stringify(saved.body)}`);
      }
    }
    for (const hire of hires) {
      const added = await api(`/api/v1/new-hires/${hire.id}/add-member`, {
        method: 'POST',
        body: { destinations: destinationIds },
      });
      if (added.status !== 201) throw new Error(`could not add ${hire.id}: ${JSON.stringify(added.body)}`);
    }
    const db = hb.db;
    const settled = () =>
      db
        .selectFrom('pushes')
        .select(['destination_id', 'status'])
        .execute()
        .then((rows) => rows.filter((r) => r.status === 'delivered' || r.status === 'failed'));
    await waitFor(
      `${hires.length * systems.length} pushes delivered or failed`,
      async () => (await settled()).length >= hires.length * systems.length,
      options.deadlineMs,
      250,
    ).catch(() => undefined);
    const rows = await db.selectFrom('pushes').select(['destination_id', 'status', 'last_error']).execute();
    const result: Record<string, unknown> = { members: hires.length };
    for (const [i, system] of systems.entries()) {
      const calls = proxies[i]!.answered();
      const limited = calls.filter(system.limited);
      const accepted = limited.filter((c) => c.status !== 429);
      const mine = rows.filter((r) => r.destination_id === destinationIds[i]);
      const delivered = mine.filter((r) => r.status === 'delivered').length;
      const first = calls[0]?.at ?? 0;
      const last = calls.at(-1)?.at ?? first;
      // The span plus the window the last call counts in: a client that sends the limit at once, then
      // waits out each window, scores 1; one that paces evenly below it, less.
      const minutes = (last - first) / 60_000 + 1;
      const callsPerPush = delivered > 0 ? accepted.length / delivered : Number.NaN;
      const limit = limits[system.type as keyof typeof limits];
      const pushesPerMinute = delivered / minutes;
      result[system.type] = {
        limitPerMinute: limit,
        delivered,
        notDelivered: mine.length - delivered,
        // What the system answered (no personal data: errors are stored without it).
        notDeliveredBecause: [
          ...new Set(
            mine.filter((r) => r.status !== 'delivered').map((r) => (r.last_error ?? r.status).slice(0, 300)),
          ),
        ],
        calls: calls.length,
        limitedCallsPerPush: round(callsPerPush, 2),
        pushesPerMinute: round(pushesPerMinute, 1),
        ratio: round(pushesPerMinute / (limit / callsPerPush), 3),
        http429: limited.length - accepted.length,
      };
    }
    return result;
  } finally {
    await hb?.dispose();
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all(fakes.map((f) => f.close()));
    await sim.close();
  }
}
