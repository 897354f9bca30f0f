import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
  browserTestsEnabled,
  launchBrowser,
  newWatchedContext,
  screenshot,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The API page at /api/docs in Chromium, at 1440 px and 390 px: Swagger UI draws every route from
 * /api/openapi.json, with no console error, Content-Security-Policy violation or request to another
 * host (it is served from its npm package, so it works offline).
 */

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)('The API page (/api/docs)', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer('sqlite')]);
  }, 60_000);
  afterAll(async () => {
    await browser.close();
    await server.dispose();
  });

  for (const [name, viewport] of [
    ['laptop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`shows every route, grouped, on a ${name}, within the app's CSP`, async () => {
      const watched = await newWatchedContext(browser, server.url);
      try {
        const { page, context } = watched;
        const elsewhere: string[] = [];
        context.on('request', (request) => {
          if (new URL(request.url()).origin !== new URL(server.url).origin) elsewhere.push(request.url());
        });
        await page.setViewportSize(viewport);
        await page.goto('/api/docs');
        await page
          .getByRole('heading', { name: /HireBridge API/ })
          .first()
          .waitFor();
        // Each operation is drawn with its path: a route from each end of the API.
        for (const path of ['/api/v1/new-hires/{id}', '/api/v1/auth/login', '/api/v1/tokens/{id}'])
          await page.getByText(path, { exact: true }).first().waitFor();
        await screenshot(page, `api-docs-${name}`);
        // Swagger UI's own markup puts each operation's buttons inside its clickable summary row; that
        // one rule is left to Swagger UI. Everything else axe checks must pass (contrast is fixed by the
        // page's own stylesheet, api-docs.ts).
        const audit = await accessibilityProblems(page);
        expect(audit.filter((problem) => !problem.startsWith('nested-interactive:'))).toEqual([]);
        expect(elsewhere, 'requests to other hosts').toEqual([]);
        expect(watched.problems, 'console errors, CSP violations, 5xx').toEqual([]);
      } finally {
        await watched.close();
      }
    });
  }
});
