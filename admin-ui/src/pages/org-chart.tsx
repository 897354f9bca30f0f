import { Link } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/error-message';
import { memberName, type MemberDetail } from '../components/inbox/member-types';
import { orgTrees, teamSize, type OrgNode } from '../components/members/org-tree';
import { Page } from '../components/page';
import './inbox.css';

/** The list endpoint's largest page: the chart says so when the directory is larger. */
const LIMIT = 500;

function Person({ node }: { readonly node: OrgNode<MemberDetail> }) {
  const { member } = node;
  const title = typeof member.fields['jobTitle'] === 'string' ? member.fields['jobTitle'] : null;
  const size = teamSize(node);
  const line = (
    <span className="org-person">
      <Link to={`/members/${encodeURIComponent(member.id)}`}>{memberName(member)}</Link>
      {title && <span className="muted"> · {title}</span>}
      {member.department && <span className="muted"> · {member.department.name}</span>}
    </span>
  );
  if (node.reports.length === 0) return <li>{line}</li>;
  // The fold is its own control beside the name: a link inside <summary> would nest two controls.
  return (
    <li>
      {line}
      <details open>
        <summary>
          <span className="visually-hidden">Team of {memberName(member)}: </span>
          {node.reports.length} direct, {size} in all
        </summary>
        <ul>
          {node.reports.map((r) => (
            <Person key={r.member.id} node={r} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/**
 * Reporting lines as nested lists: each manager with the people who report to them, folded and
 * unfolded with the keyboard (native <details>), read by screen readers as lists within lists. Narrow
 * indents keep deep lines on a phone.
 */
export function OrgChartPage() {
  const list = useApiQuery<{ items: MemberDetail[] }>(`/api/v1/members?limit=${String(LIMIT)}`);
  const items = list.data?.items ?? [];
  const trees = orgTrees(items, memberName);
  return (
    <Page
      title="Org chart"
      actions={
        <Link className="button" to="/members">
          Members list
        </Link>
      }
    >
      <div className="inbox">
        {list.isPending ? (
          <p className="muted">Loading…</p>
        ) : list.error ? (
          <ErrorMessage error={list.error} />
        ) : items.length === 0 ? (
          <p className="empty">No members yet: the chart appears once the directory has people.</p>
        ) : (
          <section className="card" aria-labelledby="org-title">
            <h2 id="org-title">Reporting lines</h2>
            <p className="hint">
              {trees.length === 1
                ? 'Everyone reports up to one person.'
                : `${String(trees.length)} people report to no one in the directory; each heads a line below.`}{' '}
              Set a manager with Reports to on the member&apos;s page.
            </p>
            {items.length === LIMIT && (
              <p className="notice">The chart shows the first {LIMIT} members of the directory.</p>
            )}
            <ul className="org-chart">
              {trees.map((t) => (
                <Person key={t.member.id} node={t} />
              ))}
            </ul>
          </section>
        )}
      </div>
    </Page>
  );
}
