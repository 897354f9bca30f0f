import { z } from 'zod';
import type { Clock } from '../core/ports/clock.js';
import type { DestinationClient } from '../core/ports/destination.js';
import type {
  DestinationSettingsType,
  DestinationType,
  DestinationTypes,
} from '../core/ports/destination-types.js';
import { connectorContext } from './context.js';
import type { ConnectorDefinition, DestinationSettingsSpec } from './definition.js';
import type { HttpClient } from './kit/http-client.js';

/**
 * A destination connector's definition, whatever its credentials: each definition checks its own with
 * its zod schema before `create` sees them, so a list can hold them side by side.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DestinationDefinition = ConnectorDefinition<string, 'destination', any, DestinationClient, any>;

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
      settings: def.settings ? settingsType(def.settings) : null,
      client: (destination) =>
        def.create(
          connectorContext(
            def,
            { http, fetch, clock },
            { baseUrl: destination.baseUrl ?? undefined, limiterKey: `destination:${destination.id}` },
          ),
          def.credentials.parse(destination.credentials),
          parsedSettings(def.settings, destination.settings ?? {}),
        ),
    };
  });
  const byType = new Map(all.map((t) => [t.type, t]));
  return { list: () => all, get: (type) => byType.get(type) };
}

/** The framework's view of one definition's settings: the form schema, the checks and the preview. */
function settingsType(spec: DestinationSettingsSpec): DestinationSettingsType {
  const form = z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  // The mapping has its own editor (GET|PUT mapping); the form shows the rest.
  const properties = Object.fromEntries(
    Object.entries(form.properties ?? {}).filter(([key]) => key !== 'mapping'),
  );
  return {
    formSchema: { ...form, properties, required: (form.required ?? []).filter((k) => k !== 'mapping') },
    preset: spec.preset,
    targets: spec.targets,
    parse: (input) => {
      const parsed = spec.schema.safeParse(input);
      if (parsed.success) return { ok: true, settings: parsed.data };
      const problems = parsed.error.issues.map((issue) => ({
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: issue.message,
      }));
      return { ok: false, problems };
    },
    preview: (member, settings) => spec.preview(member, settings),
  };
}

/**
 * The saved settings, parsed with their defaults. Settings saved by an older version that no longer
 * parse give way to the defaults rather than stopping every push (saving checks them, so this is rare).
 */
function parsedSettings(spec: DestinationSettingsSpec | undefined, saved: Readonly<Record<string, unknown>>) {
  if (!spec) return undefined;
  const parsed = spec.schema.safeParse(saved);
  return parsed.success ? parsed.data : spec.schema.parse({});
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
