import { z } from 'zod';

/** Destinations and pushes: request schemas the server checks, response types the admin app reads. */

const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const baseUrl = z.string().trim().max(2000, 'must be at most 2000 characters').nullable();

export const addDestinationRequestSchema = z.strictObject({
  type: z.string().min(1, 'is required').max(50),
  name,
  baseUrl: baseUrl.optional(),
  credentials: z.record(z.string().max(100), z.unknown(), { error: 'must be an object of credential keys' }),
  enabled: z.boolean().optional(),
});

export const updateDestinationRequestSchema = z.strictObject({
  name: name.optional(),
  baseUrl: baseUrl.optional(),
  credentials: z.record(z.string().max(100), z.unknown()).optional(),
  enabled: z.boolean().optional(),
});

export const addMemberRequestSchema = z.strictObject({
  destinations: z.array(z.string().min(1).max(100)).max(50).optional(),
});

export const listPushesQuerySchema = z.object({
  status: z.enum(['pending', 'delivered', 'failed', 'paused']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface DestinationResponse {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly baseUrl: string | null;
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** "ok" or "credentials_refused" (pushes paused until a test passes or the destination is edited). */
  readonly status: 'ok' | 'credentials_refused';
  readonly statusMessage: string | null;
}

/** POST /api/v1/destinations: the destination, and credentials HireBridge generated (shown this once). */
export interface AddedDestinationResponse extends DestinationResponse {
  readonly generatedCredentials?: Readonly<Record<string, string>>;
}

export interface DestinationTypeResponse {
  readonly type: string;
  readonly label: string;
  readonly capabilities: readonly string[];
  readonly defaultBaseUrl: string | null;
  /** JSON Schema of the credentials an admin types. */
  readonly credentialsSchema: unknown;
  /** Credential keys HireBridge generates when left out (e.g. the webhook's signingSecret). */
  readonly generatedKeys: readonly string[];
  /** Whether destinations of this type have settings, a field mapping and a preview. */
  readonly hasSettings: boolean;
}

export interface PushResponse {
  readonly destinationId: string;
  readonly destinationType: string;
  readonly memberId: string;
  readonly status: 'pending' | 'delivered' | 'failed' | 'paused';
  readonly remoteId: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly warnings: readonly string[];
  readonly updatedAt: string;
}

/** One field-mapping rule as the API carries it; the system's own targets are checked by the server. */
const mappingRule = z.looseObject({
  target: z.string({ error: 'must be the system field (text)' }).max(300, 'must be at most 300 characters'),
  from: z
    .array(z.string().max(100, 'must be at most 100 characters'), {
      error: 'must be a list of HireBridge field keys',
    })
    .max(10, 'must name at most 10 HireBridge fields'),
  list: z.string().max(100, 'must be at most 100 characters').optional(),
});

/** PUT /api/v1/destinations/:id/mapping: the whole mapping, or null to go back to the preset. */
export const putMappingRequestSchema = z.strictObject({
  rules: z
    .array(mappingRule, { error: 'must be a list of rules, or null for the preset' })
    .min(1, 'must hold at least one rule (null goes back to the preset)')
    .max(200, 'must hold at most 200 rules')
    .nullable(),
});

/** PATCH /api/v1/destinations/:id/settings: keys to change; null puts a key back to its default. */
export const patchDestinationSettingsRequestSchema = z.strictObject({
  settings: z.record(z.string().max(100), z.unknown(), { error: 'must be an object of settings' }),
});

/** POST /api/v1/destinations/:id/preview */
export const previewRequestSchema = z.strictObject({
  memberId: z.string({ error: 'is required: the member to preview' }).min(1, 'is required').max(100),
});

export interface MappingRuleResponse {
  readonly target: string;
  readonly from: readonly string[];
  readonly list?: string;
}

export interface DestinationMappingResponse {
  readonly destinationId: string;
  readonly type: string;
  readonly rules: readonly MappingRuleResponse[];
  /** True while the destination uses the preset (nothing saved). */
  readonly isPreset: boolean;
  readonly preset: readonly MappingRuleResponse[];
  /** The targets an admin may write, in words. */
  readonly targets: string;
  /** The HireBridge fields a rule can read (custom field keys are accepted too). */
  readonly sourceFields: readonly { readonly key: string; readonly label: string }[];
}

export interface DestinationSettingsResponse {
  readonly destinationId: string;
  readonly type: string;
  /** The settings in effect (defaults filled), the mapping apart. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** The keys the admin saved (the others are defaults). */
  readonly savedKeys: readonly string[];
  /** JSON Schema of the settings form. */
  readonly schema: unknown;
}

export interface DestinationPreviewResponse {
  readonly destinationId: string;
  readonly memberId: string;
  /** Nothing was sent: these are the requests a push would make, in order. */
  readonly requests: readonly {
    readonly step: string;
    readonly method: string;
    readonly path: string;
    readonly body: unknown;
  }[];
  readonly notes: readonly string[];
  /** What the system is asked when pushing (list item ids, the manager...). */
  readonly atPush: readonly string[];
  /** Required fields with no value: a push would fail naming these. */
  readonly missing: readonly string[];
}
