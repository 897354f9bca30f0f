import { notFound } from '../core/errors/app-error.js';
import type { HistoryEntry, NewHire } from '../core/model/new-hire.js';
import type { InboxDeps } from './inbox-deps.js';
import { resolveManager, type ManagerMatch } from './resolve-manager.js';

export interface NewHireDetail {
  readonly newHire: NewHire;
  readonly reportingTo: ManagerMatch;
  readonly history: readonly HistoryEntry[];
}

/** A new hire with its history and how "Reporting to" resolves against the directory right now. */
export function getNewHire(deps: Pick<InboxDeps, 'inbox'>, id: string): Promise<NewHireDetail> {
  return deps.inbox.read(async (data) => {
    const newHire = await data.findNewHire(id);
    if (!newHire) throw notFound('New hire');
    const [reportingTo, history] = await Promise.all([
      resolveManager(data, newHire.fields['reportingTo']?.value ?? null),
      data.history(id),
    ]);
    return { newHire, reportingTo, history };
  });
}
