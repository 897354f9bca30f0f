import type { NewHireResponse } from '../../../../src/contract/new-hires';

export type StatusFilter = NewHireResponse['status'] | 'all';

export interface NewHireFilterState {
  readonly status: StatusFilter;
  readonly q: string;
  readonly department: string;
  readonly startFrom: string;
  readonly startTo: string;
  readonly sort: 'arrived' | 'startDate';
}

export const NO_FILTERS: NewHireFilterState = {
  status: 'in_review',
  q: '',
  department: '',
  startFrom: '',
  startTo: '',
  sort: 'arrived',
};

const STATUSES: readonly { value: StatusFilter; label: string }[] = [
  { value: 'in_review', label: 'In review' },
  { value: 'added', label: 'Added' },
  { value: 'deleted', label: 'Deleted' },
  { value: 'all', label: 'All' },
];

/** The query of GET /api/v1/new-hires for the filters (empty ones left out). */
export function queryOf(f: NewHireFilterState): Record<string, string | undefined> {
  const set = (v: string) => (v.trim() === '' ? undefined : v.trim());
  return {
    status: f.status === 'all' ? undefined : f.status,
    q: set(f.q),
    department: set(f.department),
    startFrom: set(f.startFrom),
    startTo: set(f.startTo),
    sort: f.sort,
  };
}

/**
 * Search, status, department, start-date range and sort for the New hires list. Filters only choose
 * what is shown, so the browser's date box is fine here (nothing stored can be lost by it).
 */
export function NewHireFilters(props: {
  readonly value: NewHireFilterState;
  readonly onChange: (next: NewHireFilterState) => void;
}) {
  const f = props.value;
  const change = (patch: Partial<NewHireFilterState>) => props.onChange({ ...f, ...patch });
  return (
    <form
      className="toolbar filters"
      role="search"
      aria-label="New hires"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field search-field">
        <label htmlFor="new-hires-q">Search</label>
        <input
          id="new-hires-q"
          type="search"
          placeholder="Name, email or job title"
          value={f.q}
          onChange={(e) => change({ q: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="new-hires-filter">Show</label>
        <select
          id="new-hires-filter"
          value={f.status}
          onChange={(e) => change({ status: e.target.value as StatusFilter })}
        >
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-hires-department">Department</label>
        <input
          id="new-hires-department"
          value={f.department}
          onChange={(e) => change({ department: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="new-hires-from">Starts from</label>
        <input
          id="new-hires-from"
          type="date"
          value={f.startFrom}
          onChange={(e) => change({ startFrom: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="new-hires-to">Starts until</label>
        <input
          id="new-hires-to"
          type="date"
          value={f.startTo}
          onChange={(e) => change({ startTo: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="new-hires-sort">Sort by</label>
        <select
          id="new-hires-sort"
          value={f.sort}
          onChange={(e) => change({ sort: e.target.value as NewHireFilterState['sort'] })}
        >
          <option value="arrived">Newest arrivals</option>
          <option value="startDate">Start date, soonest first</option>
        </select>
      </div>
    </form>
  );
}
