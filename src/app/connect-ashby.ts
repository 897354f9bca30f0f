import { ashbyPermissionLabel } from '../core/model/ashby-permission-label.js';
import { AppError, isAppError } from '../core/errors/app-error.js';
import {
  DEFAULT_ASHBY_API_URL,
  webhookUrlFor,
  type AshbyConnection,
  type AshbyWebhookRecord,
} from '../core/model/ashby-connection.js';
import type { AshbyConnectionStore } from '../core/ports/ashby-connection-store.js';
import type { AshbyGateway, PermissionReport } from '../core/ports/ashby-gateway.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import { audited, type AuditedDeps } from './audited.js';

/**
 * The webhooks HireBridge creates itself when the key has apiKeysWrite: hires and their changes, and
 * candidates Ashby deletes or merges (erasure, re-linking).
 */
const WEBHOOK_TYPES = ['candidateHire', 'applicationUpdate', 'candidateDelete', 'candidateMerge'] as const;

export interface ConnectAshbyDeps extends AuditedDeps {
  readonly gatewayForKey: (apiUrl: string, apiKey: string) => AshbyGateway;
  readonly connections: AshbyConnectionStore;
  readonly newSecretToken: () => string;
  readonly publicUrl: string;
  /** The outbound address policy, for an API URL the admin typed (throws `validation_failed`). */
  readonly checkUrl: (url: string, field: string) => Promise<void>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface ConnectAshbyResult {
  readonly connection: AshbyConnection;
  readonly webhookUrl: string;
  /** Shown this once, to paste into Ashby's webhook settings; stored sealed. */
  readonly secretToken: string;
}

/**
 * Connects an Ashby account: checks the key permission by permission, refuses it naming every
 * missing required permission, stores it sealed with a fresh Secret Token, and, when the key may,
 * creates the Ashby webhooks itself.
 */
export async function connectAshby(
  deps: ConnectAshbyDeps,
  input: { apiKey: string; apiUrl?: string; name?: string; actor: string; connectedByUserId?: string },
): Promise<ConnectAshbyResult> {
  const apiUrl = normaliseApiUrl(input.apiUrl ?? DEFAULT_ASHBY_API_URL);
  // Only a custom URL is the admin's: the default is Ashby's own.
  if (input.apiUrl !== undefined) await deps.checkUrl(apiUrl, 'apiUrl');
  const apiKey = input.apiKey.trim();
  if (apiKey.length === 0)
    throw new AppError('validation_failed', 'apiKey is empty', { details: { field: 'apiKey' } });
  const gateway = deps.gatewayForKey(apiUrl, apiKey);
  const permissions = await checkKey(gateway);
  const now = deps.clock.now();
  const connection: AshbyConnection = {
    id: deps.ids.newId(),
    name: input.name?.trim() || 'Ashby',
    apiUrl,
    permissions,
    ashbyWebhooks: [],
    createdBy: input.actor,
    createdAt: now,
    updatedAt: now,
    lastPingAt: null,
    lastDeliveryAt: null,
  };
  const secretToken = deps.newSecretToken();
  // The connection, its default recipient, its audit entry and its first reconciliation (which records
  // where Ashby stands now; later ones catch lost webhooks) commit together.
  await audited(deps, input.actor, async (data) => {
    await data.connections.insert(connection, { apiKey, webhookSecret: secretToken });
    // The admin who connected is the default recipient of the connection's new-hire notifications.
    if (input.connectedByUserId !== undefined)
      await data.notifications.recordConnectedBy(connection.id, input.connectedByUserId, now);
    await data.jobs.enqueue('ashby.reconcile', { connectionId: connection.id }, { runAt: now });
    return [
      undefined,
      {
        action: 'connection.connect',
        targetType: 'connection',
        targetId: connection.id,
        details: { apiUrl },
      },
    ];
  });
  const webhookUrl = webhookUrlFor(deps.publicUrl, connection.id);
  let ashbyWebhooks: AshbyWebhookRecord[] = [];
  if (granted(permissions, 'apiKeysWrite')) {
    // After the insert: Ashby pings the URL while creating the webhook, and the ping must verify.
    ashbyWebhooks = await createWebhooks(gateway, webhookUrl, secretToken);
    await deps.connections.setWebhooks(connection.id, ashbyWebhooks, deps.clock.now());
  }
  return { connection: { ...connection, ashbyWebhooks }, webhookUrl, secretToken };
}

/** Replaces the API key of a connection, keeping its URL, Secret Token and every setting. */
export async function reconnectAshby(
  deps: Pick<ConnectAshbyDeps, 'gatewayForKey' | 'connections' | 'clock' | 'ids' | 'units'>,
  input: { connectionId: string; apiKey: string; actor: string },
): Promise<AshbyConnection> {
  const existing = await deps.connections.find(input.connectionId);
  if (!existing) throw new AppError('not_found', 'Ashby connection not found');
  const apiKey = input.apiKey.trim();
  if (apiKey.length === 0)
    throw new AppError('validation_failed', 'apiKey is empty', { details: { field: 'apiKey' } });
  const permissions = await checkKey(deps.gatewayForKey(existing.apiUrl, apiKey));
  const now = deps.clock.now();
  await audited(deps, input.actor, async (data) => {
    await data.connections.replaceApiKey(existing.id, apiKey, permissions, now);
    return [undefined, { action: 'connection.reconnect', targetType: 'connection', targetId: existing.id }];
  });
  return { ...existing, permissions, updatedAt: now };
}

async function checkKey(gateway: AshbyGateway): Promise<PermissionReport> {
  let permissions: PermissionReport;
  try {
    permissions = await gateway.checkPermissions();
  } catch (err) {
    if (isAppError(err) && err.code === 'upstream_permanent') {
      // In the admin's words: which endpoint answered which status is for the log (the cause), not them.
      throw new AppError(
        'validation_failed',
        'Ashby refused this API key. Check that it was copied whole and is still active in Ashby (Admin › Integrations › API keys)',
        {
          details: { field: 'apiKey' },
          cause: err,
        },
      );
    }
    throw err;
  }
  const missing = permissions.required.filter((p) => !p.granted);
  if (missing.length > 0) {
    throw new AppError(
      'permission_missing',
      `The Ashby API key lacks required permissions: ${missing.map((p) => `${ashbyPermissionLabel(p.name)}, needed to ${p.purpose}`).join('; ')}`,
      { details: { missing: missing.map((p) => p.name), permissions } },
    );
  }
  return permissions;
}

async function createWebhooks(
  gateway: AshbyGateway,
  requestUrl: string,
  secretToken: string,
): Promise<AshbyWebhookRecord[]> {
  const records: AshbyWebhookRecord[] = [];
  for (const webhookType of WEBHOOK_TYPES) {
    try {
      const created = await gateway.createWebhook({ webhookType, requestUrl, secretToken });
      records.push({ webhookType, id: created.id, enabled: created.enabled, error: null });
    } catch (err) {
      // The connection stands without it: the admin can paste the URL and token into Ashby by hand.
      records.push({
        webhookType,
        id: null,
        enabled: false,
        error: isAppError(err) ? err.message : 'failed',
      });
    }
  }
  return records;
}

function granted(report: PermissionReport, name: string): boolean {
  return [...report.required, ...report.optional].some((p) => p.name === name && p.granted);
}

function normaliseApiUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('validation_failed', 'apiUrl is not a URL', { details: { field: 'apiUrl' } });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('validation_failed', 'apiUrl must be http(s)', { details: { field: 'apiUrl' } });
  }
  return url.toString().replace(/\/+$/, '');
}
