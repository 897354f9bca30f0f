import { useState } from 'react';
import type { ImportMembersResponse } from '../../../../src/contract/member-files';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';

/**
 * Import people from a CSV file: Preview first (nothing is written; problems are listed by line), then
 * Import. Rows with problems are skipped, the others imported; the same columns as the CLI's import.
 */
export function MemberImport() {
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const run = useApiMutation<ImportMembersResponse, boolean>(
    (preview) => ({ path: '/api/v1/members/import', method: 'POST', body: { csv: csv ?? '', preview } }),
    ['/api/v1/members', '/api/v1/overview'],
  );
  const result = run.data;
  return (
    <section className="card member-import" aria-labelledby="member-import-title">
      <h2 id="member-import-title">Import members from CSV</h2>
      <p className="hint">
        A header row names the columns: firstName and lastName are required; personalEmail, workEmail,
        jobTitle, department, location, employmentStartDate and managerEmail are read too (an export from this
        page has them all).
      </p>
      <div className="field">
        <label htmlFor="member-import-file">CSV file</label>
        <input
          id="member-import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            run.reset();
            setFileName(file?.name ?? '');
            if (!file) return setCsv(null);
            void file.text().then(setCsv);
          }}
        />
      </div>
      <div className="actions">
        <button type="button" disabled={csv === null || run.isPending} onClick={() => run.mutate(true)}>
          Preview
        </button>
        {result?.preview === true && result.imported > 0 && (
          <button
            type="button"
            className="primary"
            disabled={run.isPending}
            onClick={() => run.mutate(false)}
          >
            Import {result.imported} {result.imported === 1 ? 'member' : 'members'}
          </button>
        )}
      </div>
      <ErrorMessage error={run.error} />
      {result && (
        <div role="status">
          <p className={result.preview ? undefined : 'success'}>
            {result.preview
              ? `Preview of ${fileName}: ${String(result.imported)} ${result.imported === 1 ? 'row' : 'rows'} can be imported; ${String(result.problems.length)} with problems would be skipped. Nothing is saved yet.`
              : `Imported ${String(result.imported)} ${result.imported === 1 ? 'member' : 'members'}; ${String(result.problems.length)} ${result.problems.length === 1 ? 'row' : 'rows'} skipped.`}
          </p>
          {result.problems.length > 0 && (
            <table>
              <caption>Problems by line</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {result.problems.map((p) => (
                  <tr key={`${String(p.line)}-${p.message}`}>
                    <td data-label="Line">{p.line}</td>
                    <td data-label="Problem">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
