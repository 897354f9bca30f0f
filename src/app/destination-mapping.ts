import { AppError, notFound } from '../core/errors/app-error.js';
import type { Destination, Push } from '../core/model/destination.js';
import { NEW_HIRE_FIELDS } from '../core/model/new-hire-fields.js';
import type { DestinationPreview, PushedMember } from '../core/ports/destination.js';
import type {
  DestinationSettingsType,
  MappingRule,
  SettingsProblem,
} from '../core/ports/destination-types.js';
import type { Actor } from './actor.js';
import { audited } from './audited.js';
import type { DestinationDeps } from './destination-deps.js';

/**
 * A destination's settings and field mapping (one framework for every HR system): read the mapping (the
 * admin's saved copy, else the connector's preset), replace it or go back to the preset, edit the other
 * settings, and preview what a push would send for a real member without sending anything.
 */

/** The HireBridge fields a rule can read: the canonical ones and the work email Add member may set. */
export const SOURCE_FIELDS: readonly { readonly key: string; readonly label: string }[] = [
  ...NEW_HIRE_FIELDS.map((f) => ({ key: f.key, label: f.label })),
  { key: 'workEmail', label: 'Work email' },
];

export interface DestinationMapping {
  readonly destination: Destination;
  readonly rules: readonly MappingRule[];
  /** True while the destination uses the connector's preset (nothing saved). */
  readonly isPreset: boolean;
  readonly preset: readonly MappingRule[];
  /** The targets an admin may write, in words. */
  readonly targets: string;
  readonly sourceFields: typeof SOURCE_FIELDS;
}

async function withSettings(
  deps: DestinationDeps,
  id: string,
): Promise<{ destination: Destination; spec: DestinationSettingsType }> {
  const destination = await deps.destinations.find(id);
  if (!destination) throw notFound('Destination');
  const spec = deps.types.get(destination.type)?.settings;
  if (!spec) {
    throw new AppError(
      'validation_failed',
      `${destination.name} (${destination.type}) has no field mapping or settings: it sends every HireBridge field as it is`,
      { details: { reason: 'no_settings' } },
    );
  }
  return { destination, spec };
}

export async function getDestinationMapping(deps: DestinationDeps, id: string): Promise<DestinationMapping> {
  const { destination, spec } = await withSettings(deps, id);
  const saved = destination.settings['mapping'];
  const settings = parsedOrDefaults(spec, destination.settings);
  return {
    destination,
    rules: (settings as { mapping: MappingRule[] }).mapping,
    isPreset: saved === undefined,
    preset: spec.preset,
    targets: spec.targets,
    sourceFields: SOURCE_FIELDS,
  };
}

/**
 * Saves the admin's mapping (`null`: back to the preset). Every rule is checked with the system's own
 * targets; a bad one is named by its number and target, and nothing is saved.
 */
export async function saveDestinationMapping(
  deps: DestinationDeps,
  input: { id: string; rules: readonly unknown[] | null; actor: Actor },
): Promise<DestinationMapping> {
  const { destination } = await withSettings(deps, input.id);
  const rest = withoutMapping(destination.settings);
  const next = input.rules === null ? rest : { ...rest, mapping: input.rules };
  await saveSettings(deps, destination, next, input.actor, 'destination.mapping', {
    rules: input.rules === null ? 'preset' : input.rules.length,
  });
  return getDestinationMapping(deps, input.id);
}

/** The settings in effect (defaults filled, the mapping apart), the keys saved, and the form's schema. */
export async function getDestinationSettings(
  deps: DestinationDeps,
  id: string,
): Promise<{
  destination: Destination;
  settings: Record<string, unknown>;
  savedKeys: string[];
  schema: unknown;
}> {
  const { destination, spec } = await withSettings(deps, id);
  const settings = withoutMapping(parsedOrDefaults(spec, destination.settings) as Record<string, unknown>);
  const savedKeys = Object.keys(destination.settings).filter((k) => k !== 'mapping');
  return { destination, settings, savedKeys, schema: spec.formSchema };
}

/**
 * Changes settings other than the mapping (HiBob's default site...): the given keys replace the saved
 * ones, a key given as null goes back to its default. The result is checked as a whole before saving.
 */
export async function saveDestinationSettings(
  deps: DestinationDeps,
  input: { id: string; settings: Readonly<Record<string, unknown>>; actor: Actor },
): Promise<Destination> {
  const { destination, spec } = await withSettings(deps, input.id);
  // The settings schema drops keys it does not know; refusing them keeps a typo from looking saved.
  const known = Object.keys((spec.formSchema as { properties?: object }).properties ?? {});
  const unknown = Object.keys(input.settings).filter((k) => k !== 'mapping' && !known.includes(k));
  if (unknown.length > 0) {
    const problems = unknown.map((k) => ({
      field: `settings.${k}`,
      message:
        known.length > 0
          ? `not a setting of ${destination.type}; one of ${known.join(', ')}`
          : `${destination.type} has no settings besides its field mapping`,
    }));
    throw new AppError(
      'validation_failed',
      `Not saved, ${destination.name}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      { details: { problems } },
    );
  }
  if ('mapping' in input.settings) {
    throw new AppError('validation_failed', 'settings.mapping: change the mapping with PUT …/mapping', {
      details: { problems: [{ field: 'settings.mapping', message: 'change it with PUT …/mapping' }] },
    });
  }
  const next: Record<string, unknown> = { ...destination.settings };
  for (const [key, value] of Object.entries(input.settings)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  await saveSettings(deps, destination, next, input.actor, 'destination.settings', {
    keys: Object.keys(input.settings),
  });
  return (await deps.destinations.find(destination.id)) ?? destination;
}

async function saveSettings(
  deps: DestinationDeps,
  destination: Destination,
  next: Readonly<Record<string, unknown>>,
  actor: Actor,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  const spec = deps.types.get(destination.type)?.settings;
  const parsed = spec?.parse(next);
  if (parsed && !parsed.ok) throw settingsRefused(destination, next, parsed.problems);
  await audited(deps, actor, async (data) => {
    await data.destinations.update(destination.id, { settings: next }, deps.clock.now());
    const target = { action, targetType: 'destination', targetId: destination.id, details };
    return [undefined, target] as const;
  });
}

/** Problems in the admin's words: "rule 3 (target "work.x y"): target must be a HiBob field path…". */
function settingsRefused(
  destination: Destination,
  input: Readonly<Record<string, unknown>>,
  problems: readonly SettingsProblem[],
): AppError {
  const rules = Array.isArray(input['mapping']) ? (input['mapping'] as unknown[]) : [];
  const described = problems.map((p) => {
    const [head, index, ...rest] = p.path;
    if (head === 'mapping' && typeof index === 'number') {
      const rule = rules[index] as { target?: unknown } | undefined;
      const target = typeof rule?.target === 'string' ? ` (target "${rule.target}")` : '';
      const part = rest.length > 0 ? `${rest.join('.')} ` : '';
      return {
        field: `rules.${index}${rest.length ? `.${rest.join('.')}` : ''}`,
        message: `rule ${index + 1}${target}: ${part}${p.message}`,
      };
    }
    const field = p.path.length > 0 ? `settings.${p.path.join('.')}` : 'settings';
    return { field, message: `${field}: ${p.message}` };
  });
  return new AppError(
    'validation_failed',
    `Not saved, ${destination.name}: ${described.map((d) => d.message).join('; ')}`,
    { details: { problems: described.map((d) => ({ field: d.field, message: d.message })) } },
  );
}

function withoutMapping(settings: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([key]) => key !== 'mapping'));
}

/** The settings as the connector reads them (defaults filled); saved settings that no longer parse give the defaults. */
function parsedOrDefaults(spec: DestinationSettingsType, saved: Readonly<Record<string, unknown>>): unknown {
  const parsed = spec.parse(saved);
  if (parsed.ok) return parsed.settings;
  const defaults = spec.parse({});
  return defaults.ok ? defaults.settings : {};
}

export interface PreviewDeps extends DestinationDeps {
  /** The member as this destination would receive it (pushed-member.ts); undefined when gone. */
  readonly pushedMember: (push: Push) => Promise<PushedMember | undefined>;
}

/**
 * What a push of this member to this destination would send, built by the connector's own planning
 * with the saved settings. Nothing is sent and nothing is stored.
 */
export async function previewDestination(
  deps: PreviewDeps,
  input: { id: string; memberId: string },
): Promise<{ destination: Destination; preview: DestinationPreview }> {
  const { destination, spec } = await withSettings(deps, input.id);
  const at = deps.clock.now();
  // The member's real push when there is one: it carries the remote ids kept from earlier pushes.
  const push: Push = (await deps.destinations.findPush(input.memberId, destination.id)) ?? {
    id: 'preview',
    memberId: input.memberId,
    destinationId: destination.id,
    destinationType: destination.type,
    status: 'pending',
    remoteId: null,
    revision: 0,
    attempts: 0,
    lastError: null,
    warnings: [],
    deliveredAt: null,
    createdAt: at,
    updatedAt: at,
  };
  const member = await deps.pushedMember(push);
  if (!member) throw notFound('Member');
  return { destination, preview: spec.preview(member, parsedOrDefaults(spec, destination.settings)) };
}
