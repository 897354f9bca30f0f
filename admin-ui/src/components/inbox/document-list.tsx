import type { DocumentResponse } from '../../../../src/contract/documents';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { Time } from '../time';
import { formatBytes } from './values';

const STATUS: Readonly<Record<DocumentResponse['status'], { label: string; badge: string }>> = {
  stored: { label: 'Stored', badge: 'ok' },
  pending: { label: 'Downloading from Ashby', badge: 'warn' },
  failed: { label: 'Failed', badge: 'danger' },
};

/**
 * The documents of a new hire or member (`ownerPath` is /api/v1/new-hires/:id or /api/v1/members/:id):
 * file, where it is filed, status, size and a download link (the session cookie authenticates it; the
 * server always sends it as an attachment).
 */
export function DocumentList(props: { readonly ownerPath: string; readonly emptyText: string }) {
  const docs = useApiQuery<{ items: DocumentResponse[] }>(`${props.ownerPath}/documents`);
  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      {docs.isPending ? (
        <p className="muted">Loading…</p>
      ) : docs.error ? (
        <ErrorMessage error={docs.error} />
      ) : docs.data.items.length === 0 ? (
        <p className="muted">{props.emptyText}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Filed under</th>
              <th scope="col">Status</th>
              <th scope="col">Size</th>
              <th scope="col">Download</th>
            </tr>
          </thead>
          <tbody>
            {docs.data.items.map((doc) => (
              <tr key={doc.id}>
                <td>
                  {doc.fileName}
                  <div className="hint">
                    Added <Time iso={doc.createdAt} />
                  </div>
                </td>
                <td>
                  {doc.category.name}{' '}
                  <span className="muted">({doc.category.kind === 'type' ? 'document type' : 'folder'})</span>
                </td>
                <td>
                  <span className={`badge ${STATUS[doc.status].badge}`}>{STATUS[doc.status].label}</span>
                  {doc.error && <p className="field-problem">{doc.error}</p>}
                </td>
                <td>{formatBytes(doc.sizeBytes)}</td>
                <td>
                  {doc.status === 'stored' ? (
                    <a
                      href={`${props.ownerPath}/documents/${encodeURIComponent(doc.id)}/content`}
                      download={doc.fileName}
                      aria-label={`Download ${doc.fileName}`}
                    >
                      Download
                    </a>
                  ) : (
                    <span className="muted">Not available yet</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
