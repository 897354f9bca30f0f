import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ErasureReportResponse } from '../../../src/contract/erasure';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/error-message';
import { EraseMember, ErasureDone } from '../components/erasure/erase-member';
import { DocumentList } from '../components/inbox/document-list';
import { useFieldDefinitions } from '../components/inbox/field-definitions';
import { MemberPushes } from '../components/destinations/member-pushes';
import { MemberEditor } from '../components/inbox/member-editor';
import { MemberFields } from '../components/inbox/member-fields';
import { memberName, type MemberDetail } from '../components/inbox/member-types';
import { MemberUpdates } from '../components/inbox/member-updates';
import { ReportingLine } from '../components/inbox/reporting-line';
import { Page } from '../components/page';
import { Time } from '../components/time';
import './inbox.css';

/** One member of the directory: fields by section, reporting line, documents and changes from Ashby. */
export function MemberPage() {
  const { id = '' } = useParams();
  const ownerPath = `/api/v1/members/${encodeURIComponent(id)}`;
  const [erased, setErased] = useState<{ name: string; report: ErasureReportResponse } | null>(null);
  const member = useApiQuery<MemberDetail>(erased ? undefined : ownerPath);
  const definitions = useFieldDefinitions(
    member.data ? (member.data.ashby?.connectionId ?? null) : undefined,
  );

  if (erased) {
    return (
      <Page title="Member erased">
        <div className="inbox">
          <ErasureDone name={erased.name} report={erased.report} />
        </div>
      </Page>
    );
  }
  if (member.isPending) {
    return (
      <Page title="Member">
        <div className="inbox">
          <p className="muted">Loading…</p>
        </div>
      </Page>
    );
  }
  if (member.error) {
    return (
      <Page title="Member">
        <div className="inbox">
          <ErrorMessage error={member.error} />
        </div>
      </Page>
    );
  }
  const data = member.data;
  const defs = definitions.data?.items;
  return (
    <Page title={memberName(data)}>
      <div className="inbox">
        <p className="subtitle muted">
          In the directory since <Time iso={data.createdAt} />
          {data.newHireId && (
            <>
              {' · '}
              <Link to={`/new-hires/${encodeURIComponent(data.newHireId)}`}>Open the new hire record</Link>
            </>
          )}
        </p>
        <EraseMember
          when="requested"
          memberId={data.id}
          name={memberName(data)}
          onErased={(report) => setErased({ name: memberName(data), report })}
        />
        {data.pendingUpdates.length > 0 && (
          <MemberUpdates memberId={data.id} updates={data.pendingUpdates} definitions={defs} />
        )}
        {definitions.error && (
          <div className="notice">
            <p>
              The field list of this member&apos;s Ashby connection could not be loaded, so fields are shown
              by key.
            </p>
            <ErrorMessage error={definitions.error} />
          </div>
        )}
        {definitions.isLoading ? (
          <p className="muted">Loading…</p>
        ) : (
          <MemberFields fields={data.fields} definitions={defs} />
        )}
        <ReportingLine member={data} />
        <MemberEditor key={data.updatedAt} member={data} />
        <MemberPushes memberId={data.id} />
        <DocumentList
          ownerPath={ownerPath}
          emptyText="No documents. Offer letters and resumes imported with the new hire appear here."
        />
        {data.pendingUpdates.length === 0 && (
          <MemberUpdates memberId={data.id} updates={[]} definitions={defs} />
        )}
        <EraseMember
          when="otherwise"
          memberId={data.id}
          name={memberName(data)}
          onErased={(report) => setErased({ name: memberName(data), report })}
        />
      </div>
    </Page>
  );
}
