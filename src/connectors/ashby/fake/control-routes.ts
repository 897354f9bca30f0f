import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { applicationStatusSchema, ashbyPermissionSchema, salarySchema } from '../schemas.js';
import { UnknownRecordError } from './actions.js';
import { parseJsonObject, readBody, sendJson } from '../../kit/fake/http-io.js';
import type { AshbySimulator } from './simulator-types.js';

/**
 * `/_simulator/*`: the same actions as the AshbySimulator methods, over HTTP with JSON bodies, so tests,
 * benchmarks and the demo can drive a simulator running in another process. Loopback only, no auth,
 * exempt from fault knobs and not counted in the call log.
 */
const hireBody = z.object({
  applicationId: z.string(),
  startDate: z.string().optional(),
  salary: salarySchema.optional(),
  openingId: z.string().optional(),
});
const startDateBody = z.object({ applicationId: z.string(), startDate: z.string() });
const statusBody = z.object({ applicationId: z.string(), status: applicationStatusSchema });
const apiKeyBody = z.object({
  key: z.string().min(1),
  permissions: z.array(ashbyPermissionSchema),
  title: z.string().optional(),
  enabled: z.boolean().optional(),
});
const webhookBody = z.object({ webhookType: z.string(), requestUrl: z.url(), secretToken: z.string() });
const idleBody = z.object({ timeoutMs: z.number().int().min(0).max(600_000).optional() });

type Route = (sim: AshbySimulator, body: Record<string, unknown>, url: URL) => unknown;

const ROUTES: Record<string, Route> = {
  'GET /_simulator/health': () => ({ ok: true }),
  'GET /_simulator/stats': (sim) => sim.stats(),
  'GET /_simulator/deliveries': (sim) => ({ deliveries: sim.deliveriesLog }),
  'POST /_simulator/reset-stats': (sim) => {
    sim.resetCounters();
    return { ok: true };
  },
  'GET /_simulator/knobs': (sim) => sim.knobs,
  'POST /_simulator/knobs': (sim, body) => sim.setKnobs(body),
  'GET /_simulator/applications': (sim, _body, url) => {
    const status = applicationStatusSchema.optional().parse(url.searchParams.get('status') ?? undefined);
    return { applicationIds: sim.applicationIds(status === undefined ? {} : { status }) };
  },
  'POST /_simulator/hire': (sim, body) => {
    const p = hireBody.parse(body);
    return sim.hire(p.applicationId, {
      ...(p.startDate === undefined ? {} : { startDate: p.startDate }),
      ...(p.salary === undefined ? {} : { salary: p.salary }),
      ...(p.openingId === undefined ? {} : { openingId: p.openingId }),
    });
  },
  'GET /_simulator/openings': (sim) => ({ openings: sim.openings() }),
  'POST /_simulator/offer-start-date': (sim, body) => {
    const p = startDateBody.parse(body);
    return sim.updateOfferStartDate(p.applicationId, p.startDate);
  },
  'POST /_simulator/application-status': (sim, body) => {
    const p = statusBody.parse(body);
    return sim.setApplicationStatus(p.applicationId, p.status);
  },
  'POST /_simulator/candidates': (sim, body) =>
    sim.addCandidate(body as Parameters<AshbySimulator['addCandidate']>[0]),
  'POST /_simulator/applications': (sim, body) =>
    sim.addApplication(body as Parameters<AshbySimulator['addApplication']>[0]),
  'POST /_simulator/api-keys': (sim, body) => {
    const p = apiKeyBody.parse(body);
    sim.addApiKey(p.key, p.permissions, {
      ...(p.title === undefined ? {} : { title: p.title }),
      ...(p.enabled === undefined ? {} : { enabled: p.enabled }),
    });
    return { ok: true };
  },
  'POST /_simulator/webhooks': (sim, body) => sim.createWebhook(webhookBody.parse(body)),
  'POST /_simulator/expire-sync-tokens': (sim) => {
    sim.expireSyncTokens();
    return { ok: true };
  },
  'POST /_simulator/idle': async (sim, body) => {
    const { timeoutMs = 30_000 } = idleBody.parse(body);
    return { idle: await sim.idleWithin(timeoutMs) };
  },
};

export async function handleControlRoute(
  sim: AshbySimulator,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = ROUTES[`${req.method ?? 'GET'} ${url.pathname}`];
  const bytes = await readBody(req);
  if (route === undefined) {
    sendJson(res, 404, {
      error: `no control route ${req.method ?? ''} ${url.pathname}`,
      routes: Object.keys(ROUTES),
    });
    return;
  }
  const body = parseJsonObject(bytes, { emptyAsObject: true });
  if (body === undefined) {
    sendJson(res, 400, { error: 'body must be a JSON object' });
    return;
  }
  try {
    sendJson(res, 200, await route(sim, body, url));
  } catch (error) {
    if (error instanceof z.ZodError) sendJson(res, 400, { error: 'invalid body', issues: error.issues });
    else if (error instanceof UnknownRecordError) sendJson(res, 404, { error: error.message });
    else sendJson(res, 500, { error: (error as Error).message });
  }
}
