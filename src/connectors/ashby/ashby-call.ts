import { parseWire } from '../kit/parse-wire.js';
import type { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import type { HttpClient } from '../kit/http-client.js';
import { ashbyPermissionLabel } from '../../core/model/ashby-permission-label.js';
import { ENDPOINT_PERMISSIONS } from './endpoint-permissions.js';
import { ashbyErrorCode, ashbyErrorEnvelopeSchema, type AshbyErrorEnvelope } from './schemas.js';

/**
 * One Ashby RPC call: POST JSON with Basic auth, then the envelope rules of ashby-api.md §1.3–1.5.
 * Business errors arrive as HTTP 200 + `success:false`; a key without the module permission gets HTTP 403
 * carrying the `missing_endpoint_permission` envelope, so 403 bodies are read here (the kit would
 * otherwise class every 403 as a refused key).
 */
export interface AshbyTransport {
  readonly http: HttpClient;
  readonly apiUrl: string;
  readonly apiKey: string;
  /** Limiter bucket for this key's traffic; Ashby limits per API key. */
  readonly limiterKey: string;
}

export interface CallOptions {
  /** False for writes that must not be repeated blindly (webhook.create). */
  readonly idempotent?: boolean;
}

/** Calls `endpoint` and returns the validated success envelope; every failure is a classified AppError. */
export async function callAshby<S extends z.ZodType>(
  transport: AshbyTransport,
  endpoint: string,
  body: Readonly<Record<string, unknown>>,
  responseSchema: S,
  options: CallOptions = {},
): Promise<Extract<z.infer<S>, { success: true }>> {
  const name = `ashby ${endpoint}`;
  const response = await transport.http.request({
    method: 'POST',
    url: `${transport.apiUrl.replace(/\/+$/, '')}/${endpoint}`,
    endpoint: name,
    headers: {
      authorization: `Basic ${Buffer.from(`${transport.apiKey}:`, 'utf8').toString('base64')}`,
      'content-type': 'application/json',
      accept: 'application/json; version=1',
    },
    body: JSON.stringify(body),
    limiterKey: transport.limiterKey,
    acceptStatuses: [403],
    ...(options.idempotent === undefined ? {} : { idempotent: options.idempotent }),
  });

  if (response.status === 403) throw forbidden(endpoint, response.text());

  const data: z.infer<S> = parseWire(responseSchema, response.json(), name);
  if ((data as { success: boolean }).success === false)
    throw envelopeError(endpoint, data as AshbyErrorEnvelope);
  return data as Extract<z.infer<S>, { success: true }>;
}

function forbidden(endpoint: string, text: string): AppError {
  const envelope = parseErrorEnvelope(text);
  if (envelope && ashbyErrorCode(envelope) === 'missing_endpoint_permission') {
    return envelopeError(endpoint, envelope);
  }
  return new AppError('upstream_permanent', `ashby ${endpoint}: API key refused (HTTP 403)`, {
    details: { endpoint: `ashby ${endpoint}`, status: 403, auth: true },
  });
}

function parseErrorEnvelope(text: string): AshbyErrorEnvelope | undefined {
  try {
    const parsed = ashbyErrorEnvelopeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Ashby's codes are lower snake_case with at least one underscore (invalid_input, application_not_found).
 * Anything else is not shown: the deprecated `errors[]` holds free text, and an API that echoes input can
 * put a single word of personal data there (a surname), which would reach logs and `last_error` (found
 * by the secrets-and-pii chaos scenario).
 */
const ASHBY_ERROR_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

/** Maps an Ashby error code to our closed set. The code is shown only if it looks like a code. */
export function envelopeError(endpoint: string, envelope: AshbyErrorEnvelope): AppError {
  const raw = ashbyErrorCode(envelope);
  const code = raw.length <= 80 && ASHBY_ERROR_CODE.test(raw) ? raw : 'unknown';
  const name = `ashby ${endpoint}`;
  const details = { endpoint: name, upstreamCode: code };
  if (code === 'missing_endpoint_permission') {
    const permission = ENDPOINT_PERMISSIONS[endpoint];
    return new AppError(
      'permission_missing',
      `The Ashby API key lacks the permission ${permission ? ashbyPermissionLabel(permission) : 'this needs'} (${name})`,
      {
        details: { ...details, missing: permission ? [permission] : [] },
      },
    );
  }
  if (code.endsWith('_not_found')) {
    return new AppError('not_found', `${name}: ${code}`, { details });
  }
  if (code === 'rate_limit_exceeded' || code === 'concurrent_limit_exceeded') {
    // Documented with HTTP 429 for reports; if it ever arrives in a 200 envelope, snooze rather than fail.
    return new AppError('rate_limited', `${name}: ${code}`, { details, retryAfterMs: 60_000 });
  }
  return new AppError('upstream_permanent', `${name}: Ashby error ${code}`, { details });
}
