import { useParams } from 'react-router';
import type { NewHireDetailResponse } from '../../../src/contract/new-hires';
import { useApiQuery } from '../api/hooks';
import { useSession } from '../auth/session';
import { ErrorMessage } from '../components/error-message';
import { DocumentList } from '../components/inbox/document-list';
import { labelOf, useFieldDefinitions } from '../components/inbox/field-definitions';
import { NewHireActions } from '../components/inbox/new-hire-actions';
import { NewHireFields } from '../components/inbox/new-hire-fields';
import { NewHireHistory } from '../components/inbox/new-hire-history';
import { ReimportButton } from '../components/inbox/reimport-button';
import { StatusBadge } from '../components/inbox/badges';
import { newHireName } from '../components/inbox/values';
import { Page } from '../components/page';
import { Time } from '../components/time';
import './inbox.css';

/**
 * Reviewing one new hire: fields by section with their sources and problems, inline edits, how Reporting
 * to resolved, documents, history, and the decision (Add member or Delete new hire).
 */
export function NewHirePage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const ownerPath = `/api/v1/new-hires/${encodeURIComponent(id)}`;
  const hire = useApiQuery<NewHireDetailResponse>(ownerPath);
  const definitions = useFieldDefinitions(hire.data?.source.connectionId);

  if (hire.isPending) {
    return (
      <Page title="New hire">
        <div className="inbox">
          <p className="muted">Loading…</p>
        </div>
      </Page>
    );
  }
  if (hire.error) {
    return (
      <Page title="New hire">
        <div className="inbox">
          <ErrorMessage error={hire.error} />
        </div>
      </Page>
    );
  }
  const data = hire.data;
  const name = newHireName(data.fields);
  const defs = definitions.data?.items;
  const mayManage = user?.mayManageInbox ?? false;
  const inReview = data.status === 'in_review';
  const jobTitle = data.fields['jobTitle']?.value;
  return (
    <Page
      title={name}
      actions={
        inReview && mayManage ? (
          <div className="inbox">
            <ReimportButton newHireId={data.id} />
          </div>
        ) : undefined
      }
    >
      <div className="inbox">
        <p className="subtitle">
          <StatusBadge status={data.status} /> {typeof jobTitle === 'string' && <span>{jobTitle} · </span>}
          <span className="muted">
            Arrived <Time iso={data.createdAt} />, last read from Ashby <Time iso={data.importedAt} />
          </span>
        </p>
        <NewHireActions
          hire={data}
          name={name}
          missingLabels={data.missingRequired.map((key) => ({ key, label: labelOf(key, defs) }))}
          mayManage={mayManage}
        />
        {data.status !== 'deleted' && definitions.isLoading && <p className="muted">Loading…</p>}
        {data.status !== 'deleted' && !definitions.isLoading && (
          <NewHireFields
            hire={data}
            definitions={defs}
            definitionsError={definitions.error}
            editable={inReview && mayManage}
          />
        )}
        {data.status !== 'deleted' && (
          <DocumentList
            ownerPath={ownerPath}
            emptyText={
              data.status === 'added'
                ? 'No documents here: once added, documents belong to the member.'
                : 'No documents. The offer letter and resume appear here once they are downloaded from Ashby (if document import is switched on for this connection).'
            }
          />
        )}
        <NewHireHistory history={data.history} definitions={defs} />
      </div>
    </Page>
  );
}
