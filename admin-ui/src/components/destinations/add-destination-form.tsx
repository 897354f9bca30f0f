import './destinations.css';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CopyButton } from '../copy-button';
import { ErrorMessage } from '../error-message';
import {
  DESTINATIONS_PATH,
  keyLabel,
  type AddedDestinationResponse,
  type DestinationTypeResponse,
} from './types';

interface CredentialField {
  readonly key: string;
  readonly required: boolean;
  readonly secret: boolean;
}

/** The credential fields an admin types, drawn from the type's JSON Schema (generated keys left out). */
function fieldsOf(type: DestinationTypeResponse): CredentialField[] {
  const schema = type.credentialsSchema as { properties?: Record<string, unknown>; required?: string[] };
  return Object.keys(schema.properties ?? {})
    .filter((key) => !type.generatedKeys.includes(key))
    .map((key) => ({
      key,
      required: (schema.required ?? []).includes(key),
      secret: /token|secret|key|password/i.test(key),
    }));
}

/** Adds a destination of any type in the registry; HireBridge tests it before saving. */
export function AddDestinationForm() {
  const types = useApiQuery<{ items: DestinationTypeResponse[] }>('/api/v1/destination-types');
  const [typeName, setTypeName] = useState('');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const list = types.data?.items ?? [];
  const type = list.find((t) => t.type === typeName) ?? list[0];
  const add = useApiMutation<AddedDestinationResponse>(
    () => ({
      path: DESTINATIONS_PATH,
      method: 'POST',
      body: {
        type: type?.type,
        name: name.trim(),
        credentials: Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')),
        ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      },
    }),
    [DESTINATIONS_PATH],
  );
  return (
    <form
      className="card"
      aria-labelledby="add-destination-title"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(undefined, {
          onSuccess: () => {
            setName('');
            setValues({});
            setBaseUrl('');
          },
        });
      }}
    >
      <h2 id="add-destination-title">Add a destination</h2>
      <ErrorMessage error={types.error} />
      <div className="admin-form-row">
        <div className="field">
          <label htmlFor="destination-type">Type</label>
          <select
            id="destination-type"
            value={type?.type ?? ''}
            onChange={(e) => setTypeName(e.target.value)}
          >
            {list.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="destination-name">Name</label>
          <input id="destination-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        {type?.defaultBaseUrl && (
          <div className="field">
            <label htmlFor="destination-base-url">API URL (optional)</label>
            <input
              id="destination-base-url"
              type="url"
              placeholder={type.defaultBaseUrl}
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
            />
          </div>
        )}
        {type &&
          fieldsOf(type).map((field) => (
            <div className="field" key={`${type.type}-${field.key}`}>
              <label htmlFor={`credential-${field.key}`}>
                {keyLabel(field.key)}
                {field.required ? '' : ' (optional)'}
              </label>
              <input
                id={`credential-${field.key}`}
                type={field.secret ? 'password' : 'text'}
                autoComplete="off"
                required={field.required}
                value={values[field.key] ?? ''}
                onChange={(e) => setValues({ ...values, [field.key]: e.target.value })}
              />
            </div>
          ))}
      </div>
      {type && type.generatedKeys.length > 0 && (
        <p className="hint">
          HireBridge generates the {type.generatedKeys.map(keyLabel).join(', ').toLowerCase()} and shows it
          once, after saving.
        </p>
      )}
      <ErrorMessage error={add.error} />
      {add.data?.generatedCredentials && (
        <div role="status" className="success generated-secret">
          <p>Added {add.data.name}. Copy this now; it is not shown again:</p>
          {Object.entries(add.data.generatedCredentials).map(([key, value]) => (
            <p key={key}>
              {keyLabel(key)}: <code>{value}</code> <CopyButton value={value} label={keyLabel(key)} />
            </p>
          ))}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={add.isPending || !type}>
          {add.isPending ? 'Testing and saving…' : 'Test and add'}
        </button>
      </div>
    </form>
  );
}
