import { z } from 'zod';
import type { Clock } from '../core/ports/clock.js';
import type { DestinationClient } from '../core/ports/destination.js';
import type { DestinationType, DestinationTypes } from '../core/ports/destination-types.js';
import { connectorContext } from './context.js';
import type { ConnectorDefinition } from './definition.js';
import type { HttpClient } from './kit/http-client.js';

/**
 * A destination connector's definition, whatever its credentials: each definition checks its own with
 * its zod schema before `create` sees them, so a list can hold them side by side.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DestinationDefinition = ConnectorDefinition<string, 'destination', any, DestinationClient>;

/**
 * The registry's destination definitions as the use cases' port: the form drawn from each credentials
 * schema, the checks, and `create` with the kit client, the base URL, a limiter key per destination and
 * the clock.
 */
export function destinationTypes(
  definitions: readonly DestinationDefinition[],
  http: HttpClient,
  fetch: typeof globalThis.fetch,
  clock: Clock,
): DestinationTypes {
  const all = definitions.map((def): DestinationType => {
    const generated = (given: Readonly<Record<string, unknown>>) => def.generateCredentials?.(given) ?? {};
    return {
      type: def.type,
      label: def.label,
      capabilities: def.capabilities,
      defaultBaseUrl: def.defaultBaseUrl,
      credentialsSchema: z.toJSONSchema(def.credentials, { io: 'input', unrepresentable: 'any' }),
      generatedKeys: generatedKeysOf(generated),
      parseCredentials: (value) => {
        const parsed = def.credentials.safeParse(value ?? {});
        if (parsed.success) return { ok: true, credentials: parsed.data as Record<string, unknown> };
        const problems = parsed.error.issues.map((issue) => ({
          field: issue.path.join('.') || '(credentials)',
          message: issue.message,
        }));
        return { ok: false, problems };
      },
      generateCredentials: generated,
      // Every admin-typed address the destination will call, for the outbound address policy.
      typedUrls: (baseUrl, credentials) => [
        ...(baseUrl ? [{ field: 'baseUrl', url: baseUrl }] : []),
        ...Object.entries(credentials)
          .filter((e): e is [string, string] => /url$/i.test(e[0]) && typeof e[1] === 'string')
          .map(([key, url]) => ({ field: `credentials.${key}`, url })),
      ],
      client: (destination) =>
        def.create(
          connectorContext(
            def,
            { http, fetch, clock },
            { baseUrl: destination.baseUrl ?? undefined, limiterKey: `destination:${destination.id}` },
          ),
          def.credentials.parse(destination.credentials),
        ),
    };
  });
  const byType = new Map(all.map((t) => [t.type, t]));
  return { list: () => all, get: (type) => byType.get(type) };
}

/** The keys a definition generates when left out (asked once with none given). */
function generatedKeysOf(generate: (given: Readonly<Record<string, unknown>>) => object): string[] {
  try {
    return Object.keys(generate({}));
  } catch {
    // A generator that needs given credentials to decide generates nothing up front.
    return [];
  }
}
