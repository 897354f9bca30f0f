import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewResponse } from '../../src/contract/overview.js';
import { bearerApi } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The server's clock: 2026-06-15 12:00 UTC, so "today" is 2026-06-15 and the window ends 2026-07-15. */
const NOW = Date.UTC(2026, 5, 15, 12);

interface SeedHire {
  id: string;
  status: 'in_review' | 'added' | 'deleted';
  arrived: number;
  start?: string;
  /** Hours from arrival to Add member (a member row is created then). */
  addedAfterHours?: number;
}

const HIRES: SeedHire[] = [
  { id: 'a', status: 'in_review', arrived: NOW - 2 * HOUR, start: '2026-06-15' },
  { id: 'b', status: 'in_review', arrived: NOW - 2 * DAY, start: '2026-07-15' },
  { id: 'c', status: 'in_review', arrived: NOW - 10 * DAY, start: '2026-07-16' },
  { id: 'd', status: 'added', arrived: NOW - 40 * DAY, start: '2026-06-20', addedAfterHours: 10 },
  { id: 'e', status: 'deleted', arrived: NOW - DAY, start: '2026-06-18' },
  { id: 'f', status: 'added', arrived: Date.UTC(2026, 0, 10), start: '2026-06-14', addedAfterHours: 20 },
  { id: 'g', status: 'added', arrived: Date.UTC(2026, 2, 5), addedAfterHours: 30 },
  { id: 'i', status: 'added', arrived: Date.UTC(2026, 3, 1), start: '2027-01-01', addedAfterHours: 100 },
  // Added before the 12-month window: neither in the months nor in the median.
  { id: 'h', status: 'added', arrived: Date.UTC(2025, 4, 1), addedAfterHours: 5 },
  // The first instant of the window's first month counts in it.
  { id: 'k', status: 'added', arrived: Date.UTC(2025, 6, 1) },
];

const fieldsOf = (h: SeedHire) =>
  JSON.stringify({
    firstName: { value: `First-${h.id}`, source: 'ashby' },
    lastName: { value: 'Seeded', source: 'ashby' },
    ...(h.start ? { employmentStartDate: { value: h.start, source: 'ashby' } } : {}),
  });

async function seed(server: TestServer): Promise<void> {
  const db = server.container.database.db;
  await db
    .insertInto('ashby_connections')
    .values({
      id: 'conn',
      name: 'Seed',
      api_url: 'http://127.0.0.1:9',
      api_key_sealed: 'x',
      webhook_secret_sealed: 'x',
      permissions: '{}',
      ashby_webhooks: '[]',
      created_by: 'test',
      created_at: NOW,
      updated_at: NOW,
      last_ping_at: null,
      last_delivery_at: null,
    })
    .execute();
  for (const h of HIRES) {
    const memberId = h.addedAfterHours === undefined ? null : `m-${h.id}`;
    if (memberId !== null) {
      const at = h.arrived + h.addedAfterHours! * HOUR;
      await db
        .insertInto('members')
        .values({
          id: memberId,
          fields: fieldsOf(h),
          name_key: `first-${h.id} seeded`,
          personal_email_key: null,
          work_email_key: null,
          department_id: null,
          location_id: null,
          manager_id: null,
          ashby_connection_id: 'conn',
          ashby_candidate_id: null,
          ashby_application_id: null,
          new_hire_id: h.id,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    await db
      .insertInto('new_hires')
      .values({
        id: h.id,
        connection_id: 'conn',
        application_id: `app-${h.id}`,
        candidate_id: `cand-${h.id}`,
        offer_id: null,
        status: h.status,
        fields: fieldsOf(h),
        missing_required: '[]',
        edited_fields: '[]',
        member_id: memberId,
        ashby_refs: '{}',
        imported_at: h.arrived,
        created_at: h.arrived,
        updated_at: h.arrived,
      })
      .execute();
  }
  const job = (
    id: string,
    state: 'dead' | 'available' | 'completed',
    updatedAt: number,
    error: string | null,
  ) => ({
    id,
    kind: 'import-application',
    payload: '{}',
    state,
    priority: 0,
    attempt: 1,
    max_attempts: 5,
    run_at: NOW + DAY,
    unique_key: null,
    lease_token: null,
    lease_expires_at: null,
    locked_by: null,
    last_error: error,
    created_at: updatedAt,
    updated_at: updatedAt,
    finished_at: state === 'available' ? null : updatedAt,
  });
  await db
    .insertInto('jobs')
    .values([
      job('j-dead', 'dead', NOW - 3 * HOUR, 'Ashby refused this API key'),
      job('j-retry', 'available', NOW - HOUR, 'Ashby answered 503'),
      job('j-done', 'completed', NOW - HOUR, 'an earlier attempt failed'),
    ])
    .execute();
  const delivery = (id: string, status: 'queued' | 'processed', at: number) => ({
    id,
    connection_id: 'conn',
    action_key: id,
    action: 'candidateHire',
    body_sha256: id,
    application_id: 'app-a',
    status,
    outcome: null,
    received_at: at,
    processed_at: null,
  });
  await db
    .insertInto('webhook_deliveries')
    .values([
      delivery('w-stalled', 'queued', NOW - 20 * 60_000),
      delivery('w-fresh', 'queued', NOW - 5 * 60_000),
      delivery('w-done', 'processed', NOW - DAY),
    ])
    .execute();
  // One destination with a failed push, a paused one and a delivered one (only the first two count).
  // Unique per (member, destination): one added member each.
  const added = HIRES.filter((h) => h.addedAfterHours !== undefined).map((h) => `m-${h.id}`);
  await db
    .insertInto('destinations')
    .values({
      id: 'dest',
      type: 'webhook',
      name: 'Receiver',
      base_url: null,
      credentials_sealed: 'not read here',
      enabled: 1,
      status: 'ok',
      status_message: null,
      settings: '{}',
      rate_next_at: 0,
      paused_until: 0,
      created_at: NOW - DAY,
      updated_at: NOW - DAY,
    })
    .execute();
  const push = (id: string, status: string, at: number, memberId: string) => ({
    id,
    member_id: memberId,
    destination_id: 'dest',
    status,
    remote_id: null,
    revision: 1,
    attempts: 1,
    last_error: status === 'delivered' ? null : 'HTTP 500',
    warnings: null,
    delivered_at: null,
    locked_until: 0,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('pushes')
    .values([
      push('p-failed', 'failed', NOW - 2 * HOUR, added[0]!),
      push('p-paused', 'paused', NOW - HOUR, added[1]!),
      push('p-done', 'delivered', NOW - HOUR, added[2]!),
    ])
    .execute();
}

describe.each(TEST_DIALECTS)('GET /api/v1/overview on %s', (dialect) => {
  let server: TestServer;
  let admin: ReturnType<typeof bearerApi>;
  let inbox: ReturnType<typeof bearerApi>;
  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { clock: { now: () => NOW } });
    admin = bearerApi(server.url, await server.token('admin'));
    inbox = bearerApi(server.url, await server.token('inbox'));
  }, 60_000);
  afterAll(async () => {
    await server?.dispose();
  });

  it('answers zeros on an empty database', async () => {
    const answer = await admin<OverviewResponse>('/api/v1/overview');
    expect(answer.status).toBe(200);
    expect(answer.body.review).toEqual({
      total: 0,
      olderThan: [
        { label: '1 day', count: 0 },
        { label: '3 days', count: 0 },
        { label: '7 days', count: 0 },
      ],
      oldest: [],
    });
    expect(answer.body.upcomingStarts.items).toEqual([]);
    expect(answer.body.hiresPerMonth).toHaveLength(12);
    expect(answer.body.hiresPerMonth.every((m) => m.count === 0)).toBe(true);
    expect(answer.body.timeToAdd).toMatchObject({ count: 0, medianHours: null });
    expect(answer.body.attention.total).toBe(0);
  });

  it('computes every figure from the stored hires, members, jobs and deliveries', async () => {
    await seed(server);
    const answer = await inbox<OverviewResponse>('/api/v1/overview');
    expect(answer.status).toBe(200);
    const o = answer.body;
    expect(o.generatedAt).toBe('2026-06-15T12:00:00.000Z');

    expect(o.review.total).toBe(3);
    expect(o.review.olderThan.map((a) => a.count)).toEqual([2, 1, 1]);
    expect(o.review.oldest.map((r) => [r.id, r.name])).toEqual([
      ['c', 'First-c Seeded'],
      ['b', 'First-b Seeded'],
      ['a', 'First-a Seeded'],
    ]);
    expect(o.review.oldest[0]?.arrivedAt).toBe(new Date(NOW - 10 * DAY).toISOString());

    expect(o.upcomingStarts.from).toBe('2026-06-15');
    expect(o.upcomingStarts.to).toBe('2026-07-15');
    expect(o.upcomingStarts.items.map((i) => [i.id, i.startDate, i.status])).toEqual([
      ['a', '2026-06-15', 'in_review'],
      ['d', '2026-06-20', 'added'],
      ['b', '2026-07-15', 'in_review'],
    ]);

    expect(o.hiresPerMonth).toEqual([
      { month: '2025-07', count: 1 },
      { month: '2025-08', count: 0 },
      { month: '2025-09', count: 0 },
      { month: '2025-10', count: 0 },
      { month: '2025-11', count: 0 },
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 1 },
      { month: '2026-02', count: 0 },
      { month: '2026-03', count: 1 },
      { month: '2026-04', count: 1 },
      { month: '2026-05', count: 1 },
      { month: '2026-06', count: 3 },
    ]);

    // 10, 20, 30 and 100 hours: the median of an even count is the mean of the middle two.
    expect(o.timeToAdd).toEqual({ count: 4, medianHours: 25, since: '2025-07-01T00:00:00.000Z' });

    const byKind = Object.fromEntries(o.attention.items.map((a) => [a.kind, a]));
    expect(byKind['dead_jobs']).toMatchObject({ count: 1, oldestAt: new Date(NOW - 3 * HOUR).toISOString() });
    expect(byKind['retrying_jobs']).toMatchObject({ count: 1 });
    expect(byKind['stalled_webhook_deliveries']).toMatchObject({
      count: 1,
      page: '/deliveries',
      oldestAt: new Date(NOW - 20 * 60_000).toISOString(),
    });
    expect(byKind['failed_notifications']).toMatchObject({ count: 0, oldestAt: null });
    expect(byKind['failed_pushes']).toMatchObject({
      count: 2,
      page: '/pushes',
      oldestAt: new Date(NOW - 2 * HOUR).toISOString(),
    });
    expect(o.attention.total).toBe(5);
    expect(o.attention.items.every((a) => a.label.length > 0 && !a.label.includes('_'))).toBe(true);
  });

  it('an odd number of added hires gives the middle duration', async () => {
    await server.container.database.db
      .updateTable('new_hires')
      .set({ status: 'deleted' })
      .where('id', '=', 'i')
      .execute();
    const o = (await admin<OverviewResponse>('/api/v1/overview')).body;
    expect(o.timeToAdd).toMatchObject({ count: 3, medianHours: 20 });
  });
});
