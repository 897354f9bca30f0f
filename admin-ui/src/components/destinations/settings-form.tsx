import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { keyLabel, type DestinationSettingsResponse } from './types';

/** The JSON Schema shapes the connectors' settings use (zod's toJSONSchema output). */
interface Schema {
  readonly type?: string;
  readonly enum?: readonly string[];
  readonly const?: string;
  readonly anyOf?: readonly Schema[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly default?: unknown;
}

/** A union flattened into what a form can offer: named choices, free text, "none", a custom folder id. */
function branches(schema: Schema): Schema[] {
  return schema.anyOf ? schema.anyOf.flatMap(branches) : [schema];
}
function choicesOf(schema: Schema): {
  options: string[];
  nullable: boolean;
  custom: string | null;
} {
  const all = branches(schema);
  const options = all.flatMap((b) => b.enum ?? (b.const !== undefined ? [b.const] : []));
  const custom = all.find((b) => b.type === 'object' && b.properties);
  return {
    options,
    nullable: all.some((b) => b.type === 'null'),
    custom: custom?.properties ? (Object.keys(custom.properties)[0] ?? null) : null,
  };
}

const CUSTOM = '__custom__';

const textOf = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** One setting, drawn from its schema; nested objects become a fieldset of their keys. */
function SettingField(props: {
  readonly id: string;
  readonly name: string;
  readonly schema: Schema;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
}) {
  const { id, name, schema, value, onChange } = props;
  const label = keyLabel(name);
  if (schema.type === 'object' && schema.properties) {
    const current = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    return (
      <fieldset className="destination-settings-group">
        <legend>{label}</legend>
        {Object.entries(schema.properties).map(([key, child]) => (
          <SettingField
            key={key}
            id={`${id}-${key}`}
            name={key}
            schema={child}
            value={current[key]}
            onChange={(v) => onChange({ ...current, [key]: v })}
          />
        ))}
      </fieldset>
    );
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="number"
          step={schema.type === 'integer' ? 1 : 'any'}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </div>
    );
  }
  const { options, nullable, custom } = choicesOf(schema);
  if (options.length > 0) {
    const customId = custom && typeof value === 'object' && value !== null ? value : null;
    const selected =
      customId !== null ? CUSTOM : typeof value === 'string' ? value : value === null ? '' : '';
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={selected}
          onChange={(e) => {
            const next = e.target.value;
            if (next === CUSTOM && custom) onChange({ [custom]: '' });
            else onChange(next === '' ? undefined : next);
          }}
        >
          <option value="">{nullable ? 'None' : 'Not set (default)'}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
          {custom && <option value={CUSTOM}>Custom folder…</option>}
        </select>
        {custom && customId !== null && (
          <>
            <label htmlFor={`${id}-${custom}`}>{`${label}: ${keyLabel(custom)}`}</label>
            <input
              id={`${id}-${custom}`}
              value={textOf((customId as Record<string, unknown>)[custom])}
              onChange={(e) => onChange({ [custom]: e.target.value })}
            />
          </>
        )}
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={textOf(value)}
        onChange={(e) => onChange(e.target.value === '' ? (nullable ? null : undefined) : e.target.value)}
      />
    </div>
  );
}

/**
 * A destination's settings (the field mapping apart), one form for every HR system, drawn from the
 * settings schema the connector declares. Only the keys changed are sent; clearing one puts it back to
 * its default.
 */
export function SettingsForm({
  destinationId,
  name,
}: {
  readonly destinationId: string;
  readonly name: string;
}) {
  const path = `/api/v1/destinations/${encodeURIComponent(destinationId)}/settings`;
  const read = useApiQuery<DestinationSettingsResponse>(path);
  // Only the keys the admin touched, over the saved values; emptied after a save.
  const [edits, setEdits] = useState<Readonly<Record<string, unknown>>>({});
  const changed = Object.keys(edits);
  const valueOf = (key: string) => (key in edits ? edits[key] : read.data?.settings[key]);
  const save = useApiMutation<DestinationSettingsResponse>(
    () => ({
      path,
      method: 'PATCH',
      body: {
        settings: Object.fromEntries(changed.map((k) => [k, edits[k] === undefined ? null : edits[k]])),
      },
    }),
    [path],
  );
  const properties = (read.data?.schema as Schema | undefined)?.properties ?? {};
  const keys = Object.keys(properties);
  return (
    <form
      className="card destination-settings"
      aria-labelledby="destination-settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined, { onSuccess: () => setEdits({}) });
      }}
    >
      <h2 id="destination-settings-title">Settings of {name}</h2>
      <ErrorMessage error={read.error} />
      {read.isSuccess && keys.length === 0 && (
        <p className="muted">{name} has no settings besides its credentials and field mapping.</p>
      )}
      {keys.length > 0 && (
        <div className="admin-form-row destination-settings-fields">
          {keys.map((key) => (
            <SettingField
              key={key}
              id={`setting-${key}`}
              name={key}
              schema={properties[key] ?? {}}
              value={valueOf(key)}
              onChange={(v) => setEdits({ ...edits, [key]: v })}
            />
          ))}
        </div>
      )}
      <ErrorMessage error={save.error} />
      {save.isSuccess && changed.length === 0 && (
        <p role="status" className="success">
          Settings of {name} saved.
        </p>
      )}
      {keys.length > 0 && (
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending || changed.length === 0}>
            {save.isPending ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      )}
    </form>
  );
}
