import { Changeable } from './changeable';
import { useState } from 'react';
import type { MappingPreviewResponse } from '../../../../src/contract/mapping';
import type { NewHireResponse } from '../../../../src/contract/new-hires';
import { withQuery } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import type { MappingSpec } from './mapping-draft';
import type { ListAnswer } from './types';

type FieldValue = MappingPreviewResponse['fields'][string]['value'];

function showValue(value: FieldValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.email ? `${value.name} <${value.email}>` : value.name;
  return String(value);
}

function hireName(h: NewHireResponse): string {
  const text = (key: string) => {
    const v = h.fields[key]?.value;
    return typeof v === 'string' ? v : '';
  };
  const name = [text('firstName'), text('lastName')].filter(Boolean).join(' ') || h.source.applicationId;
  const title = text('jobTitle');
  return title ? `${name} — ${title}` : name;
}

/**
 * Runs the mapping on the page on a hire already imported, so the admin sees each field before saving:
 * the unsaved draft while there is one, else the saved mapping (and the result says which).
 */
export function MappingPreview(props: {
  readonly connectionId: string;
  /** The unsaved changes; null when the page shows the saved mapping. */
  readonly draft: MappingSpec | null;
  readonly onProblems: (error: unknown) => void;
}) {
  const hires = useApiQuery<ListAnswer<NewHireResponse>>(
    withQuery('/api/v1/new-hires', { limit: 20, connectionId: props.connectionId }),
  );
  const [chosen, setChosen] = useState('');
  const items = hires.data?.items ?? [];
  const newHireId = chosen || items[0]?.id || '';
  const preview = useApiMutation<MappingPreviewResponse>(() => ({
    path: `/api/v1/connections/${encodeURIComponent(props.connectionId)}/mapping/preview`,
    method: 'POST',
    body: props.draft === null ? { newHireId } : { newHireId, mapping: props.draft },
  }));
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      <p className="hint">
        Try the mapping as it stands on the page (saved or not) on a hire HireBridge already imported. It
        re-reads the hire from Ashby and changes nothing.
      </p>
      {hires.isPending && <p>Loading…</p>}
      <ErrorMessage error={hires.error} />
      {hires.isSuccess && items.length === 0 && (
        <p className="muted">
          No new hires from this connection yet. The preview needs one: it appears here once Ashby sends a
          hire or you import past hires.
        </p>
      )}
      {items.length > 0 && (
        <form
          className="admin-form-row"
          onSubmit={(e) => {
            e.preventDefault();
            preview.mutate(undefined, { onSettled: (_d, error) => props.onProblems(error) });
          }}
        >
          <Changeable>
            <div className="field">
              <label htmlFor="preview-on">Preview on</label>
              <select id="preview-on" value={newHireId} onChange={(e) => setChosen(e.target.value)}>
                {items.map((h) => (
                  <option key={h.id} value={h.id}>
                    {hireName(h)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field admin-form-button">
              <button type="submit" disabled={preview.isPending}>
                {preview.isPending ? 'Loading…' : 'Preview'}
              </button>
            </div>
          </Changeable>
        </form>
      )}
      <ErrorMessage error={preview.error} />
      {preview.data && <PreviewResult result={preview.data} />}
    </section>
  );
}

function PreviewResult({ result }: { readonly result: MappingPreviewResponse }) {
  const missing = new Set(result.missingRequired);
  return (
    <div role="status" className="admin-preview">
      <p>
        {result.unsaved
          ? 'With the unsaved mapping'
          : result.revision === null
            ? 'With the default mapping'
            : `With the saved mapping (revision ${String(result.revision)})`}
        {result.missingRequired.length > 0
          ? `, this hire would miss ${String(result.missingRequired.length)} required field(s).`
          : ', every required field is filled.'}
      </p>
      <table>
        <caption className="admin-sr-only">Preview result</caption>
        <thead>
          <tr>
            <th scope="col">HireBridge field</th>
            <th scope="col">Value</th>
            <th scope="col">From</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {result.targets.map((t) => {
            const f = result.fields[t.key];
            const value = f ? showValue(f.value) : '';
            return (
              <tr key={t.key} className={missing.has(t.key) || f?.error ? 'missing' : undefined}>
                <th scope="row">
                  {t.label}
                  {t.custom && <span className="badge custom">custom</span>}
                </th>
                <td>{value || <span className="muted">empty</span>}</td>
                <td className="muted">
                  {f ? f.source.description : 'not mapped'}
                  {f?.source.usedDefault ? ' (default value)' : ''}
                </td>
                <td>{f?.error?.message ?? (missing.has(t.key) ? 'Required, but empty' : '')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
