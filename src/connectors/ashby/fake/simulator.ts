import { deleteCandidate, mergeCandidates } from './candidate-actions.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hire, setApplicationStatus, updateOfferStartDate } from './actions.js';
import { handleApiCall } from './api-handler.js';
import { CallLog } from './call-log.js';
import { handleControlRoute } from './control-routes.js';
import type { SimulatorCore } from './core.js';
import { ALL_ENDPOINTS } from './endpoints/all-endpoints.js';
import { FileHandleCodec } from './file-handles.js';
import { handleFileDownload } from './file-route.js';
import { generateCompany } from './generator.js';
import { sendText } from '../../kit/fake/http-io.js';
import { DEFAULT_KNOBS, mergeKnobs, type Knobs } from './knobs.js';
import { randomUuid, seededRandom } from './random.js';
import { RollingWindowLimiter } from './rate-limiter.js';
import { addApplication, addCandidate, createWebhook } from './record-actions.js';
import { loadScenarioFile, parseScenario } from './scenario-loader.js';
import type { AshbySimulator, AshbySimulatorOptions } from './simulator-types.js';
import { SimulatorState } from './state.js';
import { TimerRegistry } from './timers.js';
import { WebhookSender } from './webhook-sender.js';
import { applicationWire } from './wire-records.js';

export type { AshbySimulator, AshbySimulatorOptions } from './simulator-types.js';

const API_PATH = /^\/([A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*)$/;

/**
 * Starts a fake Ashby on 127.0.0.1: the real transport (POST JSON RPC, Basic auth, envelopes), the
 * endpoints HireBridge uses, signed webhooks with Ashby's retry schedule, fault knobs and counters.
 * Built on node:http rather than Fastify on purpose: the fake may depend on nothing but node:*, zod and
 * the shared wire schemas, so it can never drift into using production code.
 */
export async function startAshbySimulator(options: AshbySimulatorOptions = {}): Promise<AshbySimulator> {
  const seed = options.seed ?? 1;
  const random = options.random ?? seededRandom(seed);
  const now = options.now ?? Date.now;
  const scenario =
    options.scenarioFile !== undefined
      ? await loadScenarioFile(options.scenarioFile)
      : options.scenario !== undefined
        ? parseScenario(options.scenario)
        : generateCompany({ seed });
  const state = new SimulatorState(scenario, random);
  for (const key of options.apiKeys ?? []) {
    state.addApiKey(key.key, key.permissions, key.title === undefined ? {} : { title: key.title });
  }
  let knobs: Knobs = mergeKnobs(DEFAULT_KNOBS, options.knobs ?? {});
  const timers = new TimerRegistry();
  const webhooks = new WebhookSender({
    timers,
    now,
    random,
    timeScale: options.timeScale ?? 1,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    duplicateProbability: () => knobs.duplicateDeliveryProbability,
    shuffleFanOut: () => knobs.shuffleFanOut,
  });
  let baseUrl = '';
  const core: SimulatorCore = {
    state,
    wire: { state, handles: new FileHandleCodec(`simulator-secret-${randomUuid(random)}`) },
    webhooks,
    timers,
    now,
    random,
    knobs: () => knobs,
    baseUrl: () => baseUrl,
  };
  const calls = new CallLog();
  const limiter = new RollingWindowLimiter();

  const simulator: AshbySimulator = {
    get url() {
      return baseUrl;
    },
    get port() {
      return Number(new URL(baseUrl).port);
    },
    get apiKeys() {
      return [...state.apiKeys.keys()];
    },
    get knobs() {
      return { ...knobs };
    },
    get calls() {
      return calls.entries;
    },
    get deliveriesLog() {
      return webhooks.log;
    },
    hire: (applicationId, hireOptions) => hire(core, applicationId, hireOptions),
    updateOfferStartDate: (applicationId, startDate) => updateOfferStartDate(core, applicationId, startDate),
    setApplicationStatus: (applicationId, status) => setApplicationStatus(core, applicationId, status),
    deleteCandidate: (candidateId) => deleteCandidate(core, candidateId),
    mergeCandidates: (deletedId, mergedId) => mergeCandidates(core, deletedId, mergedId),
    addCandidate: (input) => addCandidate(core, input),
    addApplication: (input) => addApplication(core, input),
    addApiKey: (key, permissions, keyOptions = {}) => {
      state.addApiKey(key, permissions, { ...keyOptions, createdAt: new Date(now()).toISOString() });
    },
    createWebhook: (input) => createWebhook(core, input),
    application: (applicationId) => {
      const app = state.applications.get(applicationId);
      return app === undefined ? undefined : applicationWire(core.wire, app);
    },
    applicationIds: (filter = {}) =>
      [...state.applications.values()]
        .filter((a) => filter.status === undefined || a.status === filter.status)
        .map((a) => a.id),
    openings: () => [...state.openings.values()].map((o) => structuredClone(o)),
    setKnobs: (update) => {
      knobs = mergeKnobs(knobs, update);
      return { ...knobs };
    },
    callCount: (endpoint) => calls.count(endpoint),
    resetCounters: () => {
      calls.reset();
      webhooks.log.length = 0;
      limiter.reset();
    },
    stats: () => ({
      calls: calls.summary(),
      callsLog: calls.entries,
      deliveries: webhooks.log,
      pendingDeliveries: webhooks.pendingCount,
    }),
    expireSyncTokens: () => {
      state.syncEpoch += 1;
    },
    idle: () => webhooks.idle(),
    idleWithin: (timeoutMs) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        void webhooks.idle().then(() => {
          clearTimeout(timer);
          resolve(true);
        });
      }),
    close: () => closeServer(),
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/_simulator/')) return handleControlRoute(simulator, req, res, url);
    if (url.pathname.startsWith('/files/')) return handleFileDownload(core, calls, req, res, url);
    const api = API_PATH.exec(url.pathname);
    if (api?.[1] !== undefined) {
      return handleApiCall({ core, endpoints: ALL_ENDPOINTS, calls, limiter }, req, res, api[1]);
    }
    sendText(res, 404, 'Not Found: Ashby endpoints are POST /<category>.<method>');
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `Simulator bug: ${(error as Error).message}`);
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  function closeServer(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      webhooks.close();
      timers.closeAll();
      server.close(() => resolve());
      // Hanging calls and keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closing;
  }

  return simulator;
}
