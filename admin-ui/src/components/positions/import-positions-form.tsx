import { useState } from 'react';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { POSITIONS_PATH } from './position-form';

interface ImportReport {
  imported: number;
  problems: { line: number; message: string }[];
}

/** CSV import: the file is read in the browser and sent as text; bad rows are listed by line. */
export function ImportPositionsForm() {
  const [csv, setCsv] = useState<string | null>(null);
  const upload = useApiMutation<ImportReport>(
    () => ({ path: `${POSITIONS_PATH}/import`, method: 'POST', body: { csv: csv ?? '' } }),
    [POSITIONS_PATH],
  );
  return (
    <form
      className="card"
      aria-labelledby="import-positions-title"
      onSubmit={(e) => {
        e.preventDefault();
        upload.mutate();
      }}
    >
      <h2 id="import-positions-title">Import positions from CSV</h2>
      <p className="hint">
        Columns: title (required), department, location, employmentType, targetHireDate, targetStartDate,
        recruiting (yes/no), requisitionId, description, ashbyJobId, and custom:&lt;field title&gt;.
      </p>
      <div className="field">
        <label htmlFor="import-positions-file">CSV file</label>
        <input
          id="import-positions-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(setCsv);
            else setCsv(null);
          }}
        />
      </div>
      <ErrorMessage error={upload.error} />
      {upload.data && (
        <div role="status">
          <p className="success">Added {upload.data.imported} positions.</p>
          {upload.data.problems.length > 0 && (
            <ul>
              {upload.data.problems.map((p) => (
                <li key={p.line}>
                  Line {p.line}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={csv === null || upload.isPending}>
          Import
        </button>
      </div>
    </form>
  );
}
