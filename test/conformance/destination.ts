import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideMemberUpdate } from '../../src/app/decide-member-update.js';
import { pushMember, type PushDeps, type PushOutcome } from '../../src/app/push-member.js';
import { AppError } from '../../src/core/errors/app-error.js';
import type { Destination, Push } from '../../src/core/model/destination.js';
import type { DestinationClient, PushedMember } from '../../src/core/ports/destination.js';
import type { DestinationStore } from '../../src/core/ports/destination-store.js';
import type { DestinationTypes } from '../../src/core/ports/destination-types.js';
import type { InboxStore } from '../../src/core/ports/inbox-store.js';
import { insertMemberRow, insertMemberUpdateRow } from '../../src/db/repositories/directory.repository.js';
import { queuePushes } from '../../src/app/queue-pushes.js';
import { destinationStore } from '../../src/db/stores/destination-store.js';
import { inboxStore } from '../../src/db/stores/units-of-work.js';
import { jobCatalog } from '../../src/jobs/catalog.js';
import { jobQueueOn } from '../../src/queue/job-queue.js';
import { createPersonalDataSeal } from '../../src/security/personal-data-seal.js';
import { createSecretBox } from '../../src/security/secret-box.js';
import { FakeClock, sequentialIds } from '../support/fake-clock.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases.js';

/** What a destination's fake offers the suite (each HR-system helper adapts its fake to this). */
export interface DestinationFake {
  /** How many people the system holds with this personal or work email. */
  peopleWith(email: string): Promise<number>;
  /** The field values the system last received for a remote person (by HireBridge key where it can). */
  lastFieldsOf(remoteId: string): Promise<Readonly<Record<string, unknown>> | undefined>;
  /** Requests that reached the fake so far (faults included). */
  requestCount(): number;
  /** The next `times` requests are answered with this status and headers instead. */
  failNext(times: number, fault: { status: number; headers?: Record<string, string> }): void;
  /** While on, every request is refused with 401 (a revoked key). */
  refuseCredentials(on: boolean): void;
  /**
   * Puts a person in the system before HireBridge pushes, returning its remote id. Absent for systems
   * that cannot be searched (the webhook): the suite then records the remote id, which is their lookup.
   */
  seedPerson?(person: { firstName: string; lastName: string; personalEmail: string }): Promise<string>;
  close(): Promise<void>;
}

export interface DestinationUnderTest {
  readonly fake: DestinationFake;
  /** A client bound to the fake, built as main/ builds it (the connector's definition `create`). */
  readonly client: DestinationClient;
}

const MEMBER_ID = 'member-conformance-1';
const EMAIL = 'ada.conformance@example.com';

/**
 * The conformance suite every destination's fake runs: the push machinery (app/push-member.ts) over a
 * real database on each dialect, driving the destination only through its DestinationClient.
 * `start` gets the suite's clock (fakes that check timestamps should use it).
 */
export function describeDestinationConformance(
  name: string,
  start: (clock: FakeClock) => Promise<DestinationUnderTest>,
): void {
  describe.each(TEST_DIALECTS)(`Destination conformance: ${name} on %s`, (dialect) => {
    let database: TestDatabase;
    let under: DestinationUnderTest;
    let clock: FakeClock;
    let store: DestinationStore;
    let inbox: InboxStore;
    let deps: PushDeps;
    let refusals: string[];
    const destinationId = 'destination-conformance';

    beforeEach(async () => {
      database = await createTestDatabase(dialect);
      clock = new FakeClock(Date.UTC(2026, 11, 6, 12));
      under = await start(clock);
      const db = database.handle.db;
      const ids = sequentialIds('c');
      const box = createSecretBox(Buffer.alloc(32, 3));
      store = destinationStore(db, box, ids);
      const jobsOn = (handle: typeof db, hooks: { afterCommit: (fn: () => void) => void }) =>
        jobQueueOn(handle, { clock, ids, catalog: jobCatalog, ...hooks, wakeWorkers: () => undefined });
      inbox = inboxStore(db, { jobsOn, emailEnabled: false, ids, seal: createPersonalDataSeal(box) });
      const destination: Destination = {
        id: destinationId,
        type: name,
        name,
        baseUrl: null,
        enabled: true,
        status: 'ok',
        statusMessage: null,
        settings: {},
        createdAt: clock.now(),
        updatedAt: clock.now(),
      };
      await store.insert(destination, {});
      await insertMemberRow(db, {
        id: MEMBER_ID,
        fields: JSON.stringify({
          firstName: 'Ada',
          lastName: 'Conformance',
          personalEmail: EMAIL,
          workEmail: null,
          jobTitle: 'Engineer',
          employmentStartDate: '2027-01-04',
        }),
        name_key: 'ada conformance',
        personal_email_key: EMAIL,
        work_email_key: null,
        department_id: null,
        location_id: null,
        manager_id: null,
        ashby_connection_id: null,
        ashby_candidate_id: 'cand-1',
        ashby_application_id: 'app-1',
        new_hire_id: null,
        created_at: clock.now(),
        updated_at: clock.now(),
      });
      refusals = [];
      const types: DestinationTypes = {
        list: () => [],
        get: () => ({
          type: name,
          label: name,
          capabilities: [],
          defaultBaseUrl: undefined,
          credentialsSchema: {},
          generatedKeys: [],
          parseCredentials: () => ({ ok: true, credentials: {} }),
          generateCredentials: () => ({}),
          settings: null,
          typedUrls: () => [],
          client: () => under.client,
        }),
      };
      deps = {
        destinations: store,
        types,
        pushedMember: (push) => pushedMember(inbox, push),
        credentialsRefused: async (_d, message) => {
          refusals.push(message);
        },
        limit: { intervalMs: 1, burst: 1000 },
        holdMs: 60_000,
        clock,
        crashPoint: () => undefined,
      };
      await queuePush();
    });
    afterEach(async () => {
      await under.fake.close();
      await database.drop();
    });

    const queuePush = () =>
      inbox.transaction((data) => queuePushes(data, MEMBER_ID, [destinationId], clock.now()));
    const run = (finalAttempt = false): Promise<PushOutcome> =>
      pushMember(deps, { memberId: MEMBER_ID, destinationId, finalAttempt });
    const current = async (): Promise<Push> => {
      const push = await store.findPush(MEMBER_ID, destinationId);
      if (!push) throw new Error('the push is gone');
      return push;
    };
    /** Runs the push as the queue would (retrying thrown retryable errors), at most `limit` times. */
    const runUntilSettled = async (limit = 6): Promise<Push> => {
      for (let i = 0; i < limit; i++) {
        try {
          const outcome = await run();
          if (outcome.kind === 'snooze') clock.advance(Math.max(outcome.untilMs - clock.now(), 1));
        } catch (err) {
          if (!(err instanceof AppError) || !err.retryable) throw err;
        }
        const push = await current();
        if (push.status !== 'pending') return push;
      }
      return current();
    };

    it('creates the person once under duplicate jobs', async () => {
      await Promise.all([run(), run(), run()]);
      const push = await runUntilSettled();
      expect(push.status).toBe('delivered');
      expect(push.remoteId).not.toBeNull();
      await run();
      expect(await under.fake.peopleWith(EMAIL)).toBe(1);
    });

    it('looks the person up before creating: a person already there is linked, not created again', async () => {
      let seeded: string;
      if (under.fake.seedPerson) {
        seeded = await under.fake.seedPerson({
          firstName: 'Ada',
          lastName: 'Conformance',
          personalEmail: EMAIL,
        });
      } else {
        const member = await pushedMember(inbox, await current());
        seeded = (await under.client.createPerson(member)).remoteId;
        // A system that cannot be searched looks up by the delivery HireBridge recorded.
        await store.recordRemoteId((await current()).id, seeded, clock.now());
      }
      const push = await runUntilSettled();
      expect(push).toMatchObject({ status: 'delivered', remoteId: seeded });
      expect(await under.fake.peopleWith(EMAIL)).toBe(1);
    });

    it('a crash between create and record leaves one person', async () => {
      // The remote person exists, the local record does not: the create's answer was lost.
      await under.client.createPerson(await pushedMember(inbox, await current()));
      expect((await current()).remoteId).toBeNull();
      const push = await runUntilSettled();
      expect(push.status).toBe('delivered');
      expect(await under.fake.peopleWith(EMAIL)).toBe(1);
    });

    it('401 pauses the destination and the push, tells the admins, and sends nothing more', async () => {
      under.fake.refuseCredentials(true);
      const outcome = await run();
      expect(outcome).toEqual({ kind: 'done', status: 'paused' });
      expect((await current()).status).toBe('paused');
      expect((await store.find(destinationId))?.status).toBe('credentials_refused');
      expect(refusals).toHaveLength(1);
      const requests = under.fake.requestCount();
      await run();
      expect(under.fake.requestCount()).toBe(requests);

      under.fake.refuseCredentials(false);
      await store.update(destinationId, { status: 'ok', statusMessage: null }, clock.now());
      const resumed = await store.setPending({ destinationId, fromStatus: ['paused'] }, clock.now());
      expect(resumed).toEqual([{ memberId: MEMBER_ID, destinationId }]);
      expect((await runUntilSettled()).status).toBe('delivered');
      expect(await under.fake.peopleWith(EMAIL)).toBe(1);
    });

    it('honours 429 Retry-After: every worker waits, then it delivers', async () => {
      under.fake.failNext(1, { status: 429, headers: { 'retry-after': '7' } });
      const outcome = await run();
      expect(outcome).toMatchObject({ kind: 'snooze', untilMs: clock.now() + 7_000 });
      const requests = under.fake.requestCount();
      const early = await run();
      expect(early.kind).toBe('snooze');
      expect(under.fake.requestCount()).toBe(requests);
      clock.advance(7_000);
      expect((await runUntilSettled()).status).toBe('delivered');
      expect(await under.fake.peopleWith(EMAIL)).toBe(1);
    });

    it('5xx then recovery: retried, exactly one person', async () => {
      under.fake.failNext(2, { status: 503 });
      await expect(run()).rejects.toMatchObject({ retryable: true });
      await expect(run()).rejects.toMatchObject({ retryable: true });
      const push = await runUntilSettled();
      expect(push).toMatchObject({ status: 'delivered', attempts: 3 });
      expect(await under.fake.peopleWith(EMAIL)).toBe(1);
    });

    it('a 5xx on the last attempt fails the push with the error shown', async () => {
      under.fake.failNext(1, { status: 502 });
      expect(await run(true)).toEqual({ kind: 'done', status: 'failed' });
      expect((await current()).lastError).toMatch(/502/);
    });

    it('pushes an update after an accepted Ashby change, to the same person', async () => {
      const first = await runUntilSettled();
      expect(first.status).toBe('delivered');
      await insertMemberUpdateRow(database.handle.db, {
        id: 'update-1',
        member_id: MEMBER_ID,
        new_hire_id: 'hire-1',
        changes: JSON.stringify({
          jobTitle: { from: 'Engineer', to: 'Principal Engineer' },
          lastName: { from: 'Conformance', to: 'Conformance-Byron' },
        }),
        status: 'pending',
        created_at: clock.now(),
        decided_at: null,
        decided_by: null,
      });
      await decideMemberUpdate(
        { inbox, mappingFor: () => Promise.reject(new Error('unused')), clock, ids: sequentialIds('u') },
        { memberId: MEMBER_ID, updateId: 'update-1', decision: 'accept', actor: 'conformance' },
      );
      expect((await current()).status).toBe('pending');
      const push = await runUntilSettled();
      expect(push).toMatchObject({ status: 'delivered', remoteId: first.remoteId });
      // Every system keeps the name on the person; the job title only where the system has one to set.
      const fields = await under.fake.lastFieldsOf(first.remoteId ?? '');
      expect(fields?.['lastName']).toBe('Conformance-Byron');
      if (fields && 'jobTitle' in fields) expect(fields['jobTitle']).toBe('Principal Engineer');
      expect(await under.fake.peopleWith(EMAIL)).toBe(1);
    });
  });
}

/** The member as the push machinery hands it over (the fields that matter for every destination). */
async function pushedMember(inbox: InboxStore, push: Push): Promise<PushedMember> {
  const member = await inbox.read((data) => data.findMember(push.memberId));
  if (!member) throw new Error('member missing');
  return {
    memberId: member.id,
    fields: member.fields,
    department: null,
    location: null,
    manager: null,
    documents: [],
    ashby: member.ashby && {
      candidateId: member.ashby.candidateId,
      applicationId: member.ashby.applicationId,
    },
    changeKey: `${push.id}-r${push.revision}`,
    changedAt: push.updatedAt,
    positionId: null,
  };
}
