import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { hireFanOut } from './support/hire-deliveries.js';
import { scaled } from './support/chaos-settings.js';
import { startInProcessApp } from './support/in-process-app.js';
import { listRoutes } from '../support/route-list.js';
import { chaosScenarios } from './support/scenario-run.js';

/**
 * Scenario 8, the authorisation matrix (reliability.md §6.4 S4). Every route the app serves, read from
 * Fastify's route tree so a new route cannot slip past, is called without credentials, with an
 * inbox-manager token, an admin token, and the session cookies (with their CSRF tokens) of a signed-in
 * inbox manager, a signed-in viewer and a signed-in admin; ids of a second connection are used too. The outcomes must match
 * the table below, which is the documented access rule of each route:
 *
 * - public: anyone (health probes, sign-in: these routes make sessions; the API document and page).
 * - signature: no token; the body must carry a valid Ashby-Signature for the connection in the URL.
 * - session: a signed-in user only (the session's own state); API tokens are not sessions, 401.
 * - inbox: the "Manage ATS inbox" role or admin; no credentials is 401.
 * - admin: admin only; an inbox token or inbox manager's session is 403, no credentials 401.
 * - secret: admin only, a GET included (it shows a secret again); a viewer too gets 403.
 *
 * A viewer reads everything (every GET of inbox and admin routes but `secret` ones) and changes
 * nothing (every other method of those routes is 403 for them).
 *
 * "Allowed" means the request got past authentication and authorisation: any status but 401 and 403 (a
 * 400 for an empty body or a 404 for an unknown id is the route's own answer), and never a 5xx. API
 * tokens are installation-wide, not per connection: an admin may read and change every connection, so
 * "another connection's ids" is not an authorisation boundary for tokens. The boundary between
 * connections is the webhook's Secret Token (connection A's URL refuses a body signed with B's token),
 * and per-connection filters, which must return that connection's rows only. No response after creation
 * may contain an API key, a Secret Token, an API token or a token hash.
 */
type Access = 'public' | 'signature' | 'session' | 'inbox' | 'admin' | 'secret';

const MATRIX: Readonly<Record<string, Access>> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/v1/auth/state': 'public',
  'POST /api/v1/auth/setup': 'public',
  'POST /api/v1/auth/setup/view': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'POST /api/v1/auth/invites/view': 'public',
  'POST /api/v1/auth/invites/accept': 'public',
  'POST /api/v1/auth/resets/view': 'public',
  'POST /api/v1/auth/resets/accept': 'public',
  'GET /api/v1/auth/session': 'session',
  'POST /webhooks/ashby/:connectionId': 'signature',
  'GET /api/v1/me': 'inbox',
  'GET /api/v1/new-hires': 'inbox',
  'GET /api/v1/new-hires/:id': 'inbox',
  'PATCH /api/v1/new-hires/:id': 'inbox',
  'POST /api/v1/new-hires/:id/add-member': 'inbox',
  'POST /api/v1/new-hires/:id/reimport': 'inbox',
  'POST /api/v1/new-hires/:id/revert': 'inbox',
  'POST /api/v1/new-hires/:id/restore': 'inbox',
  'DELETE /api/v1/new-hires/:id': 'inbox',
  // Bulk Add member and delete: the same role as the single-hire routes.
  'POST /api/v1/new-hires/bulk-add-member': 'inbox',
  'POST /api/v1/new-hires/bulk-delete': 'inbox',
  'GET /api/v1/new-hires/:id/documents': 'inbox',
  'GET /api/v1/new-hires/:id/documents/:docId/content': 'inbox',
  'GET /api/v1/overview': 'inbox',
  'POST /api/v1/connections/:id/backfill': 'admin',
  'GET /api/v1/connections/:id/backfill': 'admin',
  'POST /api/v1/connections/:id/sync': 'admin',
  'GET /api/v1/members': 'inbox',
  'GET /api/v1/members/export.csv': 'inbox',
  'POST /api/v1/members/import': 'inbox',
  'GET /api/v1/members/:id': 'inbox',
  'PATCH /api/v1/members/:id': 'inbox',
  'GET /api/v1/members/:id/history': 'inbox',
  'GET /api/v1/members/:id/manager-match': 'inbox',
  // Erasure: admins decide; a viewer sees the waiting requests but erases nothing.
  'POST /api/v1/members/:id/erase': 'admin',
  'GET /api/v1/erasure-requests': 'admin',
  'POST /api/v1/members/:id/updates/:updateId/:decision': 'inbox',
  'GET /api/v1/members/:id/documents': 'inbox',
  'GET /api/v1/members/:id/documents/:docId/content': 'inbox',
  'GET /api/v1/document-types': 'inbox',
  'GET /api/v1/document-folders': 'inbox',
  'GET /api/v1/notifications': 'inbox',
  'GET /api/v1/notifications/unread-count': 'inbox',
  'POST /api/v1/notifications/:id/read': 'inbox',
  'POST /api/v1/notifications/read-all': 'inbox',
  'POST /api/v1/document-types': 'admin',
  'POST /api/v1/document-folders': 'admin',
  'GET /api/v1/jobs': 'admin',
  'GET /api/v1/jobs/:id': 'admin',
  'POST /api/v1/jobs/:id/retry': 'admin',
  'GET /api/v1/deliveries': 'admin',
  'GET /api/v1/deliveries/export.csv': 'admin',
  'POST /api/v1/deliveries/:id/replay': 'admin',
  'GET /api/v1/new-hire-fields': 'inbox',
  'GET /api/v1/connections/:id/webhook-secret': 'secret',
  'GET /api/v1/audit': 'admin',
  'GET /api/v1/audit/export.csv': 'admin',
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'POST /api/v1/users/:id/invite': 'admin',
  'PATCH /api/v1/users/:id': 'admin',
  'POST /api/v1/users/:id/deactivate': 'admin',
  'POST /api/v1/users/:id/reactivate': 'admin',
  'POST /api/v1/users/:id/reset-link': 'admin',
  'GET /api/v1/tokens': 'admin',
  'POST /api/v1/tokens': 'admin',
  'DELETE /api/v1/tokens/:id': 'admin',
  'POST /api/v1/me/password': 'session',
  'GET /api/v1/me/notification-preferences': 'session',
  'PUT /api/v1/me/notification-preferences': 'session',
  'GET /api/v1/notification-sends': 'admin',
  'POST /api/v1/connections/ashby': 'admin',
  'GET /api/v1/connections': 'admin',
  'GET /api/v1/connections/:id': 'admin',
  'POST /api/v1/connections/:id/reconnect': 'admin',
  'GET /api/v1/connections/:id/mapping': 'admin',
  'PUT /api/v1/connections/:id/mapping': 'admin',
  'POST /api/v1/connections/:id/mapping/preview': 'admin',
  'POST /api/v1/connections/:id/mapping/reapply': 'admin',
  'GET /api/v1/connections/:id/ashby-fields': 'admin',
  'GET /api/v1/connections/:id/document-settings': 'admin',
  'PUT /api/v1/connections/:id/document-settings': 'admin',
  'GET /api/v1/connections/:id/notification-settings': 'admin',
  'PUT /api/v1/connections/:id/notification-settings': 'admin',
  'GET /api/v1/positions': 'inbox',
  'GET /api/v1/positions/:id': 'inbox',
  'POST /api/v1/positions': 'admin',
  'PATCH /api/v1/positions/:id': 'admin',
  'POST /api/v1/positions/:id/close': 'admin',
  'POST /api/v1/positions/import': 'admin',
  'PUT /api/v1/connections/:id/openings/settings': 'admin',
  'POST /api/v1/connections/:id/openings/sync': 'admin',
  'GET /api/v1/connections/:id/openings/sync': 'admin',
  // Destinations: admins configure them; inbox managers list them (Add member's checkboxes) and see and
  // retry a member's pushes (the member page); a signed document link is its own credential.
  'GET /api/v1/destination-types': 'admin',
  'GET /api/v1/destinations': 'inbox',
  'POST /api/v1/destinations': 'admin',
  'GET /api/v1/destinations/:id': 'admin',
  'PATCH /api/v1/destinations/:id': 'admin',
  'DELETE /api/v1/destinations/:id': 'admin',
  'POST /api/v1/destinations/:id/test': 'admin',
  'GET /api/v1/destinations/:id/settings': 'admin',
  'PATCH /api/v1/destinations/:id/settings': 'admin',
  'GET /api/v1/destinations/:id/mapping': 'admin',
  'PUT /api/v1/destinations/:id/mapping': 'admin',
  'POST /api/v1/destinations/:id/preview': 'admin',
  'GET /api/v1/members/:id/pushes': 'inbox',
  'GET /api/v1/pushes': 'inbox',
  'POST /api/v1/members/:id/pushes/:destinationId/retry': 'inbox',
  'GET /document-links': 'public',
  // The OpenAPI document and its page (Swagger UI, with the document again as json and yaml): public,
  // since they hold the shapes of requests and answers and no data, and a script author reads them
  // before they have a token. Every answer is still checked for secrets below.
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs/json': 'public',
  'GET /api/docs/yaml': 'public',
  'GET /api/docs/static/*': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'GET /api/docs/static/theme/contrast.css': 'public',
};

type Caller = 'none' | 'inbox' | 'admin' | 'inbox session' | 'viewer session' | 'admin session';

/** What each caller must get from a route of each access level (GET or not). */
function expected(access: Access, caller: Caller, method: string): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (access === 'signature') return 401; // no caller here signs the body; signed cases are tested below
  if (caller === 'none') return 401;
  if (access === 'session') return caller.endsWith('session') ? 'allowed' : 401;
  if (caller === 'viewer session') return method === 'GET' && access !== 'secret' ? 'allowed' : 403;
  if ((access === 'admin' || access === 'secret') && caller.startsWith('inbox')) return 403;
  return 'allowed';
}

const scenarios = chaosScenarios();

describe.each(TEST_DIALECTS)('authorisation matrix on %s', (dialect) => {
  it('answers every route as the matrix says for no credentials, tokens of both roles, sessions of every role, and another connection', async () => {
    const run = scenarios.begin('authz-matrix', dialect);
    const sim = run.own(
      await startAshbySimulator({
        scenario: generateCompany({ seed: run.seed('company'), hires: 2, active: 2, archived: 1 }),
        seed: run.seed('simulator'),
      }),
    );
    const { app, container } = run.own(await startInProcessApp(dialect));
    const routes = listRoutes(app);
    // A route served but not in the table fails here: add it to MATRIX with its documented access.
    expect(
      routes.filter((r) => !(r in MATRIX)),
      'routes missing from the matrix',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((r) => !routes.includes(r)),
      'matrix entries for routes that no longer exist',
    ).toEqual([]);

    // Two connections, a new hire imported through connection A, and tokens of both roles.
    const connect = (name: string) =>
      container.services.connectAshby({
        apiKey: GENERATED_API_KEYS.full,
        apiUrl: sim.url,
        name,
        actor: 'test',
      });
    const a = await connect('A');
    const b = await connect('B');
    const admin = (await container.createApiToken({ name: 'admin', role: 'admin' })).token;
    const inbox = (await container.createApiToken({ name: 'inbox', role: 'inbox' })).token;
    // Signed-in users: the first admin through the setup link, an inbox manager through an invite.
    const password = 'matrix password';
    const setupUrl = (await container.createSetupLink())!;
    const adminSession = await container.services.auth.setup({
      token: new URL(setupUrl).hash.slice(1),
      email: 'ada@example.com',
      name: 'Ada',
      password,
    });
    const invited = await container.services.people.addUser({
      email: 'ian@example.com',
      name: 'Ian',
      role: 'inbox',
      principal: { kind: 'token', id: 'matrix', name: 'matrix', role: 'admin' },
    });
    const inboxSession = await container.services.auth.acceptInvite({
      token: new URL(invited.inviteUrl).hash.slice(1),
      password,
    });
    const invitedViewer = await container.services.people.addUser({
      email: 'vera@example.com',
      name: 'Vera',
      role: 'viewer',
      principal: { kind: 'token', id: 'matrix', name: 'matrix', role: 'admin' },
    });
    const viewerSession = await container.services.auth.acceptInvite({
      token: new URL(invitedViewer.inviteUrl).hash.slice(1),
      password,
    });
    const hiredApp = sim.applicationIds({ status: 'Hired' })[0]!;
    const [delivery] = hireFanOut(sim, a.secretToken, hiredApp, 'matrix-1');
    const webhook = (connectionId: string, signature: string) =>
      app.inject({
        method: 'POST',
        url: `/webhooks/ashby/${connectionId}`,
        headers: { 'content-type': 'application/json', 'ashby-signature': signature },
        payload: delivery!.body,
      });
    // The boundary between connections: A's URL refuses a body signed with B's Secret Token.
    const otherB = hireFanOut(sim, b.secretToken, hiredApp, 'matrix-1')[0]!;
    expect((await webhook(a.connection.id, otherB.signature)).statusCode).toBe(401);
    expect((await webhook(b.connection.id, delivery!.signature)).statusCode).toBe(401);
    expect((await webhook(a.connection.id, delivery!.signature)).statusCode).toBe(200);
    const worker = container.createWorker({ pollIntervalMs: 20 });
    worker.start();
    const newHire = await waitFor(
      'the import',
      async () => (await container.services.listNewHires({ limit: 10 }))[0],
      scaled(20_000),
    );
    await worker.stop(1_000);
    const job = (await container.services.listJobs({ limit: 1 }))[0]!;

    // Per-connection filters return that connection's rows only.
    const asAdmin = (url: string) =>
      app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${admin}` } });
    expect(
      JSON.parse((await asAdmin(`/api/v1/new-hires?connectionId=${b.connection.id}`)).body).items,
    ).toEqual([]);
    expect(
      JSON.parse((await asAdmin(`/api/v1/new-hires?connectionId=${a.connection.id}`)).body).items,
    ).toHaveLength(1);
    expect(
      JSON.parse((await asAdmin(`/api/v1/deliveries?connectionId=${b.connection.id}`)).body).items,
    ).toEqual([]);

    // Route parameters: real ids where the route names one, connection B's for connection routes.
    const fill = (url: string) =>
      url
        .replace(/^\/api\/v1\/connections\/:id/, `/api/v1/connections/${b.connection.id}`)
        .replace(/^\/api\/v1\/jobs\/:id/, `/api/v1/jobs/${job.id}`)
        .replace(/^\/api\/v1\/new-hires\/:id/, `/api/v1/new-hires/${newHire.id}`)
        .replace(':connectionId', a.connection.id)
        .replace(':decision', 'accept')
        .replace(/:[A-Za-z]+/g, 'no-such-id');
    const credentials: Record<Caller, Record<string, string>> = {
      none: {},
      inbox: { authorization: `Bearer ${inbox}` },
      admin: { authorization: `Bearer ${admin}` },
      // A browser's way: the cookie, and the CSRF token the page holds on every change.
      'inbox session': {
        cookie: `hb_session=${inboxSession.cookie}`,
        'x-csrf-token': inboxSession.csrfToken,
      },
      'viewer session': {
        cookie: `hb_session=${viewerSession.cookie}`,
        'x-csrf-token': viewerSession.csrfToken,
      },
      'admin session': {
        cookie: `hb_session=${adminSession.cookie}`,
        'x-csrf-token': adminSession.csrfToken,
      },
    };
    const mismatches: string[] = [];
    const answers: string[] = [];
    let requests = 0;
    let ok = 0;
    // Admin last, deletes after everything else so ids stay valid, and signing out very last of all,
    // since it ends the session the caller is using.
    const rank = (route: string) =>
      route === 'POST /api/v1/auth/logout' ? 2 : Number(route.startsWith('DELETE'));
    const ordered = [...routes].sort((x, y) => rank(x) - rank(y));
    const callers = ['none', 'inbox', 'inbox session', 'viewer session', 'admin', 'admin session'] as const;
    for (const caller of callers) {
      for (const route of ordered) {
        const [method, url] = route.split(' ') as [string, string];
        const response = await app.inject({
          method: method as 'GET',
          url: fill(url),
          headers: {
            ...credentials[caller],
            ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
          },
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: '{}' }),
        });
        requests += 1;
        if (response.statusCode < 300) ok += 1;
        // The one route whose purpose is to show an admin the Secret Token again (to paste into Ashby;
        // audited): its answer is checked for that role above, and left out of the no-secrets check.
        if (route !== 'GET /api/v1/connections/:id/webhook-secret') answers.push(response.body);
        const want = expected(MATRIX[route]!, caller, method);
        const got = response.statusCode;
        const fine = want === 'allowed' ? got !== 401 && got !== 403 && got < 500 : got === want;
        if (!fine)
          mismatches.push(
            `${route} as ${caller}: expected ${want}, got ${got} ${response.body.slice(0, 120)}`,
          );
      }
    }

    // No secret after creation: not the API key, the Secret Tokens, the API tokens, the session cookies
    // or their hashes, nor a password hash. (A session's CSRF token is meant for its own page, and
    // GET /api/v1/auth/session hands it there; the cookie never appears in a body.)
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const passwordHashes = (
      await container.database.db.selectFrom('users').select('password_hash').execute()
    ).flatMap((u) => (u.password_hash ? [u.password_hash] : []));
    expect(passwordHashes).toHaveLength(3);
    const secrets = [
      GENERATED_API_KEYS.full,
      a.secretToken,
      b.secretToken,
      admin,
      inbox,
      sha256(admin),
      sha256(inbox),
      adminSession.cookie,
      inboxSession.cookie,
      viewerSession.cookie,
      sha256(adminSession.cookie),
      sha256(inboxSession.cookie),
      sha256(viewerSession.cookie),
      ...passwordHashes,
    ];
    const exposed = secrets.filter((s) => answers.some((body) => body.includes(s)));
    console.log(
      `authorisation matrix [${dialect}]: ${routes.length} routes x ${callers.length} callers, ${mismatches.length} mismatches`,
    );
    run.report({ sent: requests, acked: ok });
    expect(mismatches).toEqual([]);
    expect(exposed.length, 'secrets returned by the API after creation').toBe(0);
  });
});
