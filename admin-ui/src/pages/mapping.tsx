import { Changeable } from '../components/admin/changeable';
import { actorName } from '../components/actor-name';
import { useState } from 'react';
import type { AshbyFieldResponse, MappingResponse } from '../../../src/contract/mapping';
import { ApiError } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { AddMappingForm } from '../components/admin/add-mapping-form';
import { DocumentSettingsCard } from '../components/admin/document-settings-card';
import {
  addRule,
  problemsOf,
  removeRule,
  replaceRule,
  targetsOf,
  type MappingSpec,
} from '../components/admin/mapping-draft';
import { MappingPreview } from '../components/admin/mapping-preview';
import { MappingTable } from '../components/admin/mapping-table';
import { ReapplyMapping } from '../components/admin/reapply-mapping';
import type { ListAnswer } from '../components/admin/types';
import { ConnectionSelect, useChosenConnection } from '../components/admin/use-connections';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { Time } from '../components/time';
import './admin.css';

/** Which Ashby field fills which HireBridge field, per connection; plus where documents are filed. */
export function MappingPage() {
  const { query, items, chosen, choose } = useChosenConnection();
  return (
    <Page title="Field mapping">
      <div className="admin-page">
        {query.isPending && <p>Loading…</p>}
        <ErrorMessage error={query.error} />
        {query.isSuccess && items.length === 0 && (
          <p className="notice">
            Connect Ashby on the Integrations page first; the mapping belongs to a connection.
          </p>
        )}
        <ConnectionSelect items={items} chosenId={chosen?.id} onChoose={choose} />
        {chosen && <ConnectionMapping key={chosen.id} connectionId={chosen.id} />}
        {chosen && <DocumentSettingsCard key={`docs-${chosen.id}`} connectionId={chosen.id} />}
      </div>
    </Page>
  );
}

function ConnectionMapping({ connectionId }: { readonly connectionId: string }) {
  const base = `/api/v1/connections/${encodeURIComponent(connectionId)}`;
  const saved = useApiQuery<MappingResponse>(`${base}/mapping`);
  const fields = useApiQuery<ListAnswer<AshbyFieldResponse>>(`${base}/ashby-fields`);
  const [draft, setDraft] = useState<MappingSpec | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [savedRevision, setSavedRevision] = useState<number | null>(null);
  const save = useApiMutation<MappingResponse, MappingSpec>(
    (body) => ({ path: `${base}/mapping`, method: 'PUT', body }),
    [`${base}/mapping`],
  );
  if (saved.isPending) return <p>Loading…</p>;
  if (saved.isError) return <ErrorMessage error={saved.error} />;

  const spec = draft ?? saved.data.mapping;
  const targets = targetsOf(spec, saved.data.targets);
  const ashbyFields = fields.data?.items ?? [];
  const lastError = save.error ?? checkError;
  const problems = lastError instanceof ApiError ? problemsOf(lastError.details) : [];
  const edit = (next: MappingSpec) => {
    setDraft(next);
    setSavedRevision(null);
  };

  return (
    <Changeable>
      <section className="card" aria-labelledby="mapping-title">
        <header className="admin-card-header">
          <h2 id="mapping-title">Ashby → HireBridge</h2>
          <span className="muted">
            {saved.data.isDefault ? (
              'Default mapping (never changed)'
            ) : (
              <>
                Revision {saved.data.revision} saved <Time iso={saved.data.savedAt} />
                {saved.data.savedBy ? ` by ${actorName(saved.data.savedBy)}` : ''}
              </>
            )}
          </span>
        </header>
        <p className="hint">
          Required fields are always mapped. Switch optional ones off to leave them empty; grey rows read
          Ashby custom fields or fill fields you added.
        </p>
        {fields.isError && (
          <div className="notice">
            <p>Ashby custom fields could not be listed, so they show by id:</p>
            <ErrorMessage error={fields.error} />
          </div>
        )}
        <MappingTable
          spec={spec}
          targets={targets}
          fields={ashbyFields}
          problems={problems}
          onChange={(rule) => edit(replaceRule(spec, rule))}
          onRemove={(id) => edit(removeRule(spec, id))}
        />
        <ErrorMessage error={save.error} />
        {savedRevision !== null && (
          <p role="status" className="success">
            Mapping saved (revision {savedRevision}). The next hire uses it; to apply it to hires already in
            review, see Hires still in review below.
          </p>
        )}
        <div className="actions admin-sticky-actions">
          <button
            type="button"
            className="primary"
            disabled={save.isPending}
            onClick={() =>
              save.mutate(spec, {
                onSuccess: (answer) => {
                  setDraft(null);
                  setSavedRevision(answer.revision);
                },
              })
            }
          >
            {save.isPending ? 'Saving…' : 'Save mapping'}
          </button>
          {draft !== null && (
            <>
              <button
                type="button"
                onClick={() => {
                  setDraft(null);
                  save.reset();
                }}
              >
                Discard changes
              </button>
              <span className="badge warn">Unsaved changes</span>
            </>
          )}
        </div>
      </section>
      <AddMappingForm
        fields={ashbyFields}
        targets={targets}
        rules={spec.rules}
        onAdd={(rule, target) => edit(addRule(spec, rule, target))}
      />
      <MappingPreview
        key={saved.data.revision ?? 'default'}
        connectionId={connectionId}
        draft={draft}
        onProblems={setCheckError}
      />
      {!saved.data.isDefault && (
        <ReapplyMapping
          key={`reapply-${String(saved.data.revision)}`}
          connectionId={connectionId}
          targets={saved.data.targets}
          justSaved={savedRevision !== null}
        />
      )}
    </Changeable>
  );
}
