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
