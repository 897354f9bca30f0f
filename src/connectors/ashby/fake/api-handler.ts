import type { IncomingMessage, ServerResponse } from 'node:http';
import { AshbyApiError, errorEnvelope } from './api-error.js';
import { authenticate } from './auth.js';
import type { CallLog, CallLogEntry } from './call-log.js';
import type { SimulatorCore } from './core.js';
import type { EndpointTable } from './endpoints/endpoint.js';
import { BodyTooLargeError, parseJsonObject, readBody, sendJson, sendText } from '../../kit/fake/http-io.js';
import { drawFault, retryAfterValue } from './knobs.js';
import { requestIdAt } from './random.js';
import type { RollingWindowLimiter } from './rate-limiter.js';

export interface ApiHandlerDeps {
  core: SimulatorCore;
  endpoints: EndpointTable;
  calls: CallLog;
  limiter: RollingWindowLimiter;
}

/**
 * One `POST /<category>.<method>` call, in Ashby's order of checks: transport faults (knobs), then
 * authentication (401/403, plain-text bodies: only the status is documented), per-key rate limit (429),
 * endpoint permission (403 + `missing_endpoint_permission` envelope), then the JSON body and the endpoint's
 * own business errors (HTTP 200, `success:false`). Every answer carries `x-ashby-request-id`, the same id
 * as `errorInfo.requestId`.
 */
export async function handleApiCall(
  deps: ApiHandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: string,
): Promise<void> {
  const { core, calls } = deps;
  const requestId = requestIdAt(core.now(), core.random);
  const headers = { 'x-ashby-request-id': requestId };
  const auth = authenticate(req.headers.authorization, core.state);
  const keyForLog = auth.ok ? auth.key.key : auth.keyHint;
  const log = (status: number | null, errorCode: string | null = null, fault: CallLogEntry['fault'] = null) =>
    calls.add({
      endpoint,
      key: keyForLog,
      status,
      errorCode,
      fault,
      requestId: status === null ? null : requestId,
      time: core.now(),
    });

  const knobs = core.knobs();
  if (knobs.latencyMs > 0) await core.timers.sleep(knobs.latencyMs);
  const fault = drawFault(knobs, endpoint, core.random);
  if (fault?.kind === 'drop') {
    log(null, null, 'drop');
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'hang') {
    // Never answered; the socket is destroyed when the client gives up or the simulator closes.
    log(null, null, 'hang');
    req.resume();
    return;
  }

  let bytes: Buffer;
  try {
    bytes = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      log(413);
      sendText(res, 413, 'Payload Too Large', headers);
    }
    return;
  }

  if (fault?.kind === 'rate-limit') {
    const retryAfter = retryAfterValue(knobs, core.now());
    log(429, 'rate_limit_exceeded', 'rate-limit');
    sendJson(res, 429, errorEnvelope('rate_limit_exceeded', 'Rate limit exceeded', requestId), {
      ...headers,
      ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
    });
    return;
  }
  if (fault?.kind === 'server-error') {
    log(fault.status, null, 'server-error');
    sendText(res, fault.status, 'Internal error (simulated)', headers);
    return;
  }
  if (req.method !== 'POST') {
    log(405);
    sendText(res, 405, 'Method Not Allowed: Ashby endpoints are POST', { ...headers, allow: 'POST' });
    return;
  }
  if (!auth.ok) {
    log(auth.status);
    sendText(res, auth.status, auth.message, headers);
    return;
  }
  if (knobs.rateLimitPerMinute !== null) {
    const slot = deps.limiter.take(auth.key.key, knobs.rateLimitPerMinute, core.now());
    if (!slot.ok) {
      log(429, 'rate_limit_exceeded', 'key-rate-limit');
      sendJson(res, 429, errorEnvelope('rate_limit_exceeded', 'API key rate limit exceeded', requestId), {
        ...headers,
        'retry-after': String(slot.retryAfterSeconds),
      });
      return;
    }
  }
  const definition = Object.hasOwn(deps.endpoints, endpoint) ? deps.endpoints[endpoint] : undefined;
  if (definition === undefined) {
    // Unknown endpoints: Ashby's answer is not documented; a 404 with an envelope is our choice.
    log(404, 'endpoint_not_found');
    sendJson(
      res,
      404,
      errorEnvelope('endpoint_not_found', `Unknown endpoint ${endpoint}`, requestId),
      headers,
    );
    return;
  }
  if (!auth.key.permissions.has(definition.permission)) {
    log(403, 'missing_endpoint_permission');
    const message = `The API key is missing the ${definition.permission} permission required for ${endpoint}`;
    sendJson(res, 403, errorEnvelope('missing_endpoint_permission', message, requestId), headers);
    return;
  }

  const business = (code: string, message: string) => {
    log(200, code);
    sendJson(res, 200, errorEnvelope(code, message, requestId), headers);
  };
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    business('invalid_input', 'Content-Type must be application/json');
    return;
  }
  const body = parseJsonObject(bytes, { emptyAsObject: true });
  if (body === undefined) {
    business('invalid_input', 'Request payload is malformed');
    return;
  }
  try {
    const result = await definition.handle({ core, key: auth.key, body });
    if (res.destroyed) return;
    log(200);
    sendJson(res, 200, { success: true, ...result }, headers);
  } catch (error) {
    if (error instanceof AshbyApiError) {
      business(error.code, error.message);
      return;
    }
    log(500, null);
    sendText(res, 500, `Simulator bug: ${(error as Error).message}`, headers);
  }
}
