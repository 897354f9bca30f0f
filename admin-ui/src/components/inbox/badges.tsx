import type { NewHireResponse } from '../../../../src/contract/new-hires';

const STATUS: Readonly<Record<NewHireResponse['status'], { label: string; badge: string }>> = {
  in_review: { label: 'In review', badge: 'warn' },
  added: { label: 'Added', badge: 'ok' },
  deleted: { label: 'Deleted', badge: 'danger' },
};

export function StatusBadge({ status }: { readonly status: NewHireResponse['status'] }) {
  return <span className={`badge ${STATUS[status].badge}`}>{STATUS[status].label}</span>;
}

/** "Complete" or "N required missing". */
export function CompletenessBadge({ missing }: { readonly missing: number }) {
  return missing === 0 ? (
    <span className="badge ok">Complete</span>
  ) : (
    <span className="badge warn">{missing} required missing</span>
  );
}
