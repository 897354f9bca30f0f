import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startAshbySimulator, type AshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { SAMPLE_COMPANY_PATH } from '../../src/connectors/ashby/fake/sample-fixture.js';
import { startTestServer, type TestServer } from './test-server.js';
import {
  bearerApi,
  INTAKE_SERVER_ENV,
  settleSimulatorAndQueue,
  type IntakeHarness,
} from './intake-harness.js';

/**
 * The browser test harness: Debian's Chromium driven by playwright-core (no downloaded browser), a
 * real HireBridge with a worker and the Ashby simulator, all over loopback HTTP, and a watch on every
 * page for what must never happen in the admin app: a console error, a Content-Security-Policy
 * violation, an uncaught exception, a 5xx, or a JavaScript dialog (an `alert` smuggled in as data).
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-output', 'screenshots');

const INSTALL_HINT =
  `The browser tests drive Debian's Chromium at ${CHROMIUM_PATH}, which is not installed. ` +
  'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu).';

/**
 * Whether the browser suite can run here. Without Chromium it is skipped with a warning, unless
 * HIREBRIDGE_BROWSER_TESTS=required (as CI sets it), which fails the run instead.
 */
export function browserTestsEnabled(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  if (process.env['HIREBRIDGE_BROWSER_TESTS'] === 'required') {
    throw new Error(`${INSTALL_HINT} HIREBRIDGE_BROWSER_TESTS=required, so this is a failure.`);
  }
  console.warn(`Skipping the browser tests: ${INSTALL_HINT}`);
  return false;
}

/** One headless Chromium per test file; every test takes a fresh context from it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 30_000,
  });
}

/** Bounds every Playwright wait (auto-waiting actions, navigations, locator.waitFor). */
export const ACTION_TIMEOUT_MS = 10_000;

export interface WatchedContext {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Everything that went wrong in this context's pages so far: console errors, CSP, exceptions, 5xx. */
  readonly problems: string[];
  /** Every JavaScript dialog (alert, confirm, prompt) that opened; each was dismissed. */
  readonly dialogs: string[];
  /** API answers of 4xx the UI met on purpose (401 before sign-in, a 403 the test asked for, ...). */
  readonly apiRefusals: string[];
  close(): Promise<void>;
}

const FAILED_LOAD = /^Failed to load resource: the server responded with a status of (\d{3})/;

/**
 * A fresh browser context (own cookies) with one page, watched: console errors, CSP violations
 * (Chromium logs them, and an init script reports each `securitypolicyviolation` event too), uncaught
 * page errors, 5xx answers and dialogs are collected for `expectClean`. A 4xx answer from the API is
 * the UI's normal business (the session probe before sign-in answers 401) and is only recorded, as
 * long as it is an /api/ URL; a failed load of anything else (an image at `x`, a script) is a problem.
 */
export async function newWatchedContext(
  browser: Browser,
  baseURL: string,
  options: {
    storageState?: Awaited<ReturnType<BrowserContext['storageState']>>;
    /** The browser's language (dates follow it), such as en-GB; Chromium's own when absent. */
    locale?: string;
  } = {},
): Promise<WatchedContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 860 },
    // Clipboard for the Copy buttons; granted for the app's own origin only.
    permissions: ['clipboard-read', 'clipboard-write'],
    ...(options.storageState ? { storageState: options.storageState } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  const problems: string[] = [];
  const dialogs: string[] = [];
  const apiRefusals: string[] = [];
  // Chromium logs most violations itself; this reports every one, whatever the console says.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)'));
    }, true);`,
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const url = message.location().url;
    const failed = FAILED_LOAD.exec(text);
    if (failed && Number(failed[1]) < 500 && new URL(url, baseURL).pathname.startsWith('/api/')) {
      apiRefusals.push(`${failed[1]} ${new URL(url, baseURL).pathname}`);
      return;
    }
    problems.push(`console error: ${text}${url ? ` (${url})` : ''}`);
  });
  context.on('weberror', (error) => problems.push(`uncaught in page: ${error.error().message}`));
  context.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  context.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()} from ${response.url()}`);
  });
  context.on('request', (request) => {
    // The payload `<img src=x ...>` would make the browser fetch `x` next to the page if it ever became
    // markup: no request for such a path may leave any page.
    if (/\/x$/.test(new URL(request.url()).pathname)) problems.push(`request for ${request.url()}`);
  });
  const page = await context.newPage();
  return {
    context,
    page,
    problems,
    dialogs,
    apiRefusals,
    close: () => context.close(),
  };
}

/** Empties test-output/screenshots, so it shows the latest run only (failures included). */
export function clearScreenshots(): void {
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
}

// Read as a file and evaluated in the page, not imported (so knip.json lists axe-core in ignoreDependencies).
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What axe-core (the accessibility engine browsers' own audits use) finds against WCAG 2.1 A and AA on
 * the page as it stands: unlabelled controls, buttons without names, missing landmarks or headings
 * order, contrast, ARIA misuse. One line per rule broken, naming the elements. Evaluated through the
 * DevTools protocol, so the page's CSP (rightly) does not have to allow it.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // Runs in the page; typed without the DOM library, which the test project does not load.
    const inPage = globalThis as unknown as {
      axe: { run: (context: unknown, options: object) => Promise<AxeResult> };
      document: unknown;
    };
    const result = await inPage.axe.run(inPage.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

interface AxeResult {
  readonly violations: readonly {
    readonly id: string;
    readonly help: string;
    readonly nodes: readonly { readonly target: readonly string[] }[];
  }[];
}

/** The screenshot of a page the scenario reached, then its accessibility audit, which must be clean. */
export async function screenshotAndAudit(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const problems = await accessibilityProblems(page);
  if (problems.length > 0) {
    throw new Error(
      `Accessibility problems on the ${name} page (axe-core, WCAG 2.1 AA):\n${problems.join('\n')}`,
    );
  }
}

/** A full-page screenshot at test-output/screenshots/<name>.png (gitignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

export interface BrowserStack {
  readonly sim: AshbySimulator;
  readonly server: TestServer;
  /** The one-time first-admin link `<PUBLIC_URL>/setup#…` (token in the fragment) the server made at start. */
  readonly setupUrl: string;
  /** An admin API token, for assertions and for what the UI cannot do. */
  readonly api: IntakeHarness['api'];
  /** Waits until Ashby has no delivery pending and HireBridge no job due or running. */
  settle(timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The Ashby simulator (sample company, Ashby's webhook retries 1000x faster) and a real HireBridge on
 * SQLite with a worker in the same process, not connected: the browser connects them, as a new admin
 * would.
 */
export async function startBrowserStack(extraEnv: Record<string, string> = {}): Promise<BrowserStack> {
  const sim = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH, timeScale: 0.001 });
  let server: TestServer;
  try {
    server = await startTestServer('sqlite', { ...INTAKE_SERVER_ENV, ...extraEnv });
  } catch (err) {
    await sim.close();
    throw err;
  }
  const setupUrl = server.setupUrl;
  if (setupUrl === undefined) {
    await server.dispose();
    await sim.close();
    throw new Error('startServer() returned no setupUrl: the first-admin setup link is needed');
  }
  const api = bearerApi(server.url, await server.token('admin'));
  return {
    sim,
    server,
    setupUrl,
    api,
    settle: (timeoutMs) => settleSimulatorAndQueue(sim, server, timeoutMs),
    dispose: async () => {
      await sim.close();
      await server.dispose();
    },
  };
}

/**
 * Chromium and a HireBridge stack for one describe block: both start at once before its tests, and
 * whichever started is closed after them (the reason the other did not start fails the suite).
 * `onReady` receives both; `beforeClose` runs first at the end (closing the block's own contexts).
 */
export function useBrowserAndStack(
  onReady: (browser: Browser, stack: BrowserStack) => void,
  options: { readonly beforeStart?: () => void; readonly beforeClose?: () => Promise<void> } = {},
): void {
  let browser: Browser | undefined;
  let stack: BrowserStack | undefined;
  beforeAll(async () => {
    options.beforeStart?.();
    const [launched, started] = await Promise.allSettled([launchBrowser(), startBrowserStack()]);
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'fulfilled') stack = started.value;
    if (launched.status === 'rejected') throw launched.reason;
    if (started.status === 'rejected') throw started.reason;
    onReady(launched.value, started.value);
  }, 60_000);
  afterAll(async () => {
    await options.beforeClose?.();
    await browser?.close();
    await stack?.dispose();
  });
}

/** Creates the first admin through the setup link, as a new user would, and waits for Integrations. */
export async function createFirstAdmin(
  page: Page,
  setupUrl: string,
  admin: { readonly name: string; readonly email: string; readonly password: string },
): Promise<void> {
  await page.goto(setupUrl);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
}

/** How wide the page is (no wider than the window means no sideways scrolling). */
export function pageScrollWidth(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }).document
        .scrollingElement.scrollWidth,
  );
}

/**
 * Chromium and a stack for one describe block, with the watched contexts its tests open, all closed
 * after them. `stack()` is read inside a test (it starts before the first one).
 */
export function useBrowserSuite(): {
  readonly stack: () => BrowserStack;
  readonly open: (options?: Parameters<typeof newWatchedContext>[2]) => Promise<WatchedContext>;
} {
  let browser: Browser | undefined;
  let stack: BrowserStack | undefined;
  const opened: WatchedContext[] = [];
  useBrowserAndStack(
    (b, s) => {
      browser = b;
      stack = s;
    },
    {
      beforeClose: async () => {
        for (const c of opened) await c.close();
      },
    },
  );
  const started = () => {
    if (!browser || !stack) throw new Error('the browser and stack have not started');
    return { browser, stack };
  };
  return {
    stack: () => started().stack,
    open: async (options = {}) => {
      const { browser: b, stack: s } = started();
      const watched = await newWatchedContext(b, s.server.url, options);
      opened.push(watched);
      return watched;
    },
  };
}
