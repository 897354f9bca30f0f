import { Changeable } from './changeable';
import { useState } from 'react';
import type { DocumentCategoryResponse, DocumentSettingsResponse } from '../../../../src/contract/documents';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import type { ListAnswer } from './types';

const TYPES_PATH = '/api/v1/document-types';
const FOLDERS_PATH = '/api/v1/document-folders';

/** Where an imported hire's offer letter and resume are filed, per connection. */
export function DocumentSettingsCard({ connectionId }: { readonly connectionId: string }) {
  const path = `/api/v1/connections/${encodeURIComponent(connectionId)}/document-settings`;
  const saved = useApiQuery<DocumentSettingsResponse>(path);
  const types = useApiQuery<ListAnswer<DocumentCategoryResponse>>(TYPES_PATH);
  const folders = useApiQuery<ListAnswer<DocumentCategoryResponse>>(FOLDERS_PATH);
  const [draft, setDraft] = useState<DocumentSettingsResponse | null>(null);
  const save = useApiMutation<DocumentSettingsResponse, DocumentSettingsResponse>(
    (body) => ({ path, method: 'PUT', body }),
    [path],
  );
  const current = draft ?? saved.data;
  if (!current) {
    return (
      <section className="card" aria-labelledby="documents-title">
        <h2 id="documents-title">Documents</h2>
        {saved.isPending ? <p>Loading…</p> : <ErrorMessage error={saved.error} />}
      </section>
    );
  }
  const offer = current.offerLetter;
  const files = current.candidateFiles;
  const edit = (next: DocumentSettingsResponse) => {
    save.reset();
    setDraft(next);
  };
  return (
    <form
      className="card"
      aria-labelledby="documents-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(current, { onSuccess: () => setDraft(null) });
      }}
    >
      <Changeable>
        <h2 id="documents-title">Documents</h2>
        <p className="hint">
          HireBridge downloads these from Ashby with each hire and files them on the new hire, then on the
          member.
        </p>
        <div className="grid-2">
          <fieldset className="admin-fieldset">
            <legend>Offer letter</legend>
            <Check
              id="offer-enabled"
              label="Import the offer letter"
              checked={offer.enabled}
              onChange={(enabled) => edit({ ...current, offerLetter: { ...offer, enabled } })}
            />
            <Check
              id="offer-signed"
              label="Prefer the signed copy when there is one"
              checked={offer.preferSigned}
              onChange={(preferSigned) => edit({ ...current, offerLetter: { ...offer, preferSigned } })}
            />
            <CategoryPicker
              id="offer-type"
              label="Offer letter document type"
              addLabel="Add type"
              newLabel="New document type"
              path={TYPES_PATH}
              items={types.data?.items ?? []}
              error={types.error}
              value={offer.documentType}
              onChange={(documentType) => edit({ ...current, offerLetter: { ...offer, documentType } })}
            />
          </fieldset>
          <fieldset className="admin-fieldset">
            <legend>Resume and other candidate files</legend>
            <Check
              id="files-enabled"
              label="Import the resume and candidate files"
              checked={files.enabled}
              onChange={(enabled) => edit({ ...current, candidateFiles: { ...files, enabled } })}
            />
            <CategoryPicker
              id="files-folder"
              label="Resume and candidate files folder"
              addLabel="Add folder"
              newLabel="New folder"
              path={FOLDERS_PATH}
              items={folders.data?.items ?? []}
              error={folders.error}
              value={files.folder}
              onChange={(folder) => edit({ ...current, candidateFiles: { ...files, folder } })}
            />
          </fieldset>
        </div>
        <ErrorMessage error={save.error} />
        {save.isSuccess && (
          <p role="status" className="success">
            Document settings saved. The next hire uses them.
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending || draft === null}>
            Save document settings
          </button>
        </div>
      </Changeable>
    </form>
  );
}

function Check(props: {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  return (
    <div className="admin-check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

/** A select of document types or folders, with a small form to add one. */
function CategoryPicker(props: {
  readonly id: string;
  readonly label: string;
  readonly addLabel: string;
  readonly newLabel: string;
  readonly path: string;
  readonly items: readonly DocumentCategoryResponse[];
  readonly error: unknown;
  readonly value: string;
  readonly onChange: (name: string) => void;
}) {
  const [name, setName] = useState('');
  const add = useApiMutation<DocumentCategoryResponse, string>(
    (n) => ({ path: props.path, method: 'POST', body: { name: n } }),
    [props.path],
  );
  const submitNew = () => {
    if (name.trim() === '') return;
    add.mutate(name.trim(), {
      onSuccess: (created) => {
        setName('');
        props.onChange(created.name);
      },
    });
  };
  const names = props.items.map((i) => i.name);
  if (!names.includes(props.value)) names.unshift(props.value);
  return (
    <>
      <div className="field">
        <label htmlFor={props.id}>{props.label}</label>
        <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={props.error} />
      <div className="admin-form-row">
        <div className="field">
          <label htmlFor={`${props.id}-new`}>{props.newLabel}</label>
          <input
            id={`${props.id}-new`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the type or folder here instead of saving the whole settings form.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              submitNew();
            }}
          />
        </div>
        <div className="field admin-form-button">
          <button type="button" disabled={add.isPending || name.trim() === ''} onClick={submitNew}>
            {props.addLabel}
          </button>
        </div>
      </div>
      <ErrorMessage error={add.error} />
    </>
  );
}
