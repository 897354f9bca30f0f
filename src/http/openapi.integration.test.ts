import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes } from '../../test/support/route-list.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

interface Operation {
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly 'x-access'?: string;
  readonly parameters?: readonly {
    in: string;
    name: string;
    schema?: { maxLength?: number; enum?: unknown[] };
  }[];
  readonly requestBody?: { content?: Record<string, { schema?: unknown }> };
  readonly responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { securitySchemes: Record<string, unknown> };
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * What is wrong with one route in the document, in words that say what to declare (see "Declaring a
 * route's schemas" in docs/architecture.md): an empty list when it is fully described.
 */
function problemsOf(doc: Document, method: string, url: string): string[] {
  const path = url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) return ['is not in the document (does its schema say hide: true?)'];
  const problems: string[] = [];
  if (!Array.isArray(op.security))
    problems.push('has no auth requirement (register it in a public scope or the authenticated /api scope)');
  else if (op.security.length > 0 && !op['x-access'])
    problems.push('declares who may call it: add config: { access } (see RouteAccess)');
  else if (op.security.length === 0 && !url.startsWith('/api/v1/auth/'))
    problems.push('is public, but only sign-in routes (/api/v1/auth/...) may be');
  for (const [, name] of url.matchAll(/:([A-Za-z0-9_]+)/g)) {
    const param = op.parameters?.find((p) => p.in === 'path' && p.name === name);
    // A path parameter nobody declared is documented by @fastify/swagger as a bare string.
    if (param?.schema?.maxLength === undefined && param?.schema?.enum === undefined)
      problems.push(
        `declares no schema for its path parameter ${name ?? ''} (schema.params, with a max length)`,
      );
  }
  if (WITH_BODY.has(method) && !op.requestBody?.content?.['application/json']?.schema)
    problems.push('declares no request body schema (schema.body; emptyBodySchema when it takes none)');
  const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  if (success.length === 0)
    problems.push('declares no response schema for its success answer (schema.response)');
  for (const [status, response] of success) {
    const described =
      status === '204' || Object.values(response.content ?? {}).some((c) => c.schema !== undefined);
    if (!described) problems.push(`declares no schema for its ${status} answer`);
  }
  for (const status of ['4XX', '5XX'])
    if (!op.responses?.[status]) problems.push(`does not document its ${status} error answer`);
  return problems;
}

describe('the OpenAPI document and the API page', () => {
  let server: TestServer;
  let doc: Document;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    doc = (await response.json()) as Document;
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('describes every /api/v1 route the app serves: request and response schemas and who may call it', () => {
    // From the running app's own route tree, so a route added anywhere is checked without a list here.
    const routes = listRoutes(server.app).filter((r) => r.split(' ')[1]?.startsWith('/api/v1/'));
    expect(routes.length).toBeGreaterThan(90);
    const problems = routes.flatMap((route) => {
      const [method = '', url = ''] = route.split(' ');
      return problemsOf(doc, method, url).map((problem) => `${route} ${problem}`);
    });
    expect(problems, 'routes the OpenAPI document does not fully describe').toEqual([]);
  });

  it('names the ways to authenticate, and marks sign-in public and admin routes with their role', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'apiToken',
      'csrfToken',
      'sessionCookie',
    ]);
    expect(doc.paths['/api/v1/auth/login']?.['post']?.security).toEqual([]);
    expect(doc.paths['/webhooks/ashby/{connectionId}']?.['post']?.security).toEqual([]);
    const tokens = doc.paths['/api/v1/tokens'];
    expect(tokens?.['get']?.security).toEqual([{ apiToken: [] }, { sessionCookie: [] }]);
    expect(tokens?.['post']?.security).toEqual([{ apiToken: [] }, { sessionCookie: [], csrfToken: [] }]);
    expect(tokens?.['post']?.['x-access']).toMatch(/^admin role/);
    // The document is shapes only, public like the page; neither is under the authenticated /api/v1.
    expect(
      Object.keys(doc.paths).filter((p) => p.startsWith('/api/docs') || p === '/api/openapi.json'),
    ).toEqual([]);
  });

  it('serves a page at /api/docs that loads Swagger UI from this server only, under the app CSP', async () => {
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // Swagger UI's one style element is allowed by its hash on these pages only, not on the app's.
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    const elsewhere = (await fetch(`${server.url}/healthz`)).headers.get('content-security-policy');
    expect(elsewhere).toContain("style-src 'self';");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    // No inline script (the CSP would block it) and nothing from another host (no CDN: works offline).
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim()).toBe('');
      expect(attributes).toMatch(/src="\/api\/docs\/static\//);
    }
    for (const [, src] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const asset = await fetch(new URL(src ?? '', server.url));
      expect(asset.status, src).toBe(200);
    }
  });
});
