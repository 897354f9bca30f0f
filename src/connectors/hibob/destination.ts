import { AppError } from '../../core/errors/app-error.js';
import { softStep } from '../kit/soft-step.js';
import type { DestinationClient, PushedMember, PushResult } from '../../core/ports/destination.js';
import type { ConnectorContext } from '../definition.js';
import { createHibobApi } from './client.js';
import { namedListsFor } from './named-lists.js';
import { pacerFor } from './pacing.js';
import { hibobSettingsSchema, type HibobSettings } from './settings.js';
import { documentWords, planDocuments } from './to-documents.js';
import { planEmployee, type EmployeePlan, type LoadedLists } from './to-employee.js';

export interface HibobCredentials {
  readonly serviceUserId: string;
  readonly token: string;
}

/** The DestinationClient for one HiBob tenant, plus a preview that sends nothing. */
export interface HibobDestination extends DestinationClient {
  /** What a push would send (lists are read to resolve item ids; nothing is written). */
  preview(member: PushedMember, signal?: AbortSignal): Promise<EmployeePlan>;
}

export function createHibobDestination(
  context: ConnectorContext,
  credentials: HibobCredentials,
  settingsInput: unknown = {},
): HibobDestination {
  const settings: HibobSettings = hibobSettingsSchema.parse(settingsInput);
  const tenantKey = context.limiterKey;
  const api = createHibobApi({
    http: context.http,
    baseUrl: context.baseUrl,
    ...credentials,
    limiterKey: tenantKey,
    pacer: pacerFor(tenantKey, settings.writesPerMinute, settings.searchesPerMinute),
  });
  const usesLists = settings.mapping.some((rule) => rule.list !== undefined);

  async function plan(member: PushedMember, signal?: AbortSignal): Promise<EmployeePlan> {
    const noLists: LoadedLists = {};
    const lists = usesLists ? await namedListsFor(tenantKey, api, { signal }) : noLists;
    const first = planEmployee(member, settings, lists);
    if (first.listMisses === 0) return first;
    return planEmployee(member, settings, await namedListsFor(tenantKey, api, { fresh: true, signal }));
  }

  async function findOne(search: Promise<readonly { id: string }[]>): Promise<string | null> {
    const found = await search;
    return found[0]?.id ?? null;
  }

  /** By the manager's email first, then the id kept from an earlier push; never a guess. */
  async function matchManager(member: PushedMember, signal?: AbortSignal): Promise<string | null> {
    const manager = member.manager;
    if (!manager) return null;
    if (manager.email) {
      const id = await findOne(api.searchByEmail(manager.email, signal));
      if (id !== null) return id;
    }
    if (manager.remoteId) return findOne(api.searchById(manager.remoteId, signal));
    return null;
  }

  /**
   * Everything after the employee record: work entry (with the manager), salary, documents, invite.
   * `fresh` (just created) skips the reads that keep a repeat from duplicating salaries or documents.
   */
  async function complete(
    id: string,
    member: PushedMember,
    planned: EmployeePlan,
    fresh: boolean,
    signal?: AbortSignal,
  ): Promise<string[]> {
    const warnings = [...planned.warnings];
    const managerId = await matchManager(member, signal);
    if (member.manager && managerId === null) {
      warnings.push(`manager not matched: ${member.manager.email ?? member.manager.name ?? 'unknown'}`);
    }
    await api.addWorkEntry(
      id,
      { ...planned.work, ...(managerId === null ? {} : { reportsTo: { id: managerId } }) },
      signal,
    );

    if (planned.salary) {
      const existing = fresh ? [] : await api.listSalaries(id, signal);
      const salary = planned.salary;
      if (!existing.some((s) => s.effectiveDate === salary.effectiveDate)) {
        await api.addSalary(id, salary, signal);
      }
    }

    const docs = planDocuments(member.documents, settings.documentFolders);
    warnings.push(...docs.warnings);
    const present = new Set(
      fresh || docs.uploads.length === 0 ? [] : (await api.listDocuments(id, signal)).map((d) => d.name),
    );
    for (const { document, folder } of docs.uploads) {
      if (present.has(document.fileName)) continue;
      const bytes = await document.read();
      await softStep(warnings, `${documentWords(document)} not sent`, 'HiBob', () =>
        api.uploadDocument(
          id,
          folder,
          { name: document.fileName, contentType: document.contentType, bytes },
          signal,
        ),
      );
    }

    if (fresh && settings.welcomeWizardId !== undefined) {
      const wizard = settings.welcomeWizardId;
      await softStep(warnings, 'pre-onboarding invite not sent', 'HiBob', () =>
        api.sendInvitation(id, wizard, signal),
      );
    }
    return warnings;
  }

  function requireFields(planned: EmployeePlan): void {
    if (planned.missing.length > 0) {
      throw new AppError('validation_failed', `HiBob needs: ${planned.missing.join(', ')}`, {
        details: { missing: planned.missing },
      });
    }
  }

  return {
    async testConnection(signal) {
      await api.fields(signal);
    },

    async findPerson(member, knownRemoteId, signal) {
      const emails = [member.fields['personalEmail'], member.fields['workEmail']].filter(
        (e, i, all): e is string => typeof e === 'string' && e !== '' && all.indexOf(e) === i,
      );
      for (const email of emails) {
        const id = await findOne(api.searchByEmail(email, signal));
        if (id !== null) return { remoteId: id };
      }
      if (knownRemoteId) {
        const id = await findOne(api.searchById(knownRemoteId, signal));
        if (id !== null) return { remoteId: id };
      }
      return null;
    },

    async createPerson(member, signal): Promise<PushResult> {
      const planned = await plan(member, signal);
      requireFields(planned);
      const remoteId = await api.createEmployee(planned.create, signal);
      return { remoteId, warnings: await complete(remoteId, member, planned, true, signal) };
    },

    async updatePerson(remoteId, member, signal): Promise<PushResult> {
      const planned = await plan(member, signal);
      requireFields(planned);
      // Names and home fields as they are now; root.email stays: in Bob it is the employee's login.
      const { firstName, surname, home } = planned.create;
      await api.updateEmployee(remoteId, { firstName, surname, ...(home ? { home } : {}) }, signal);
      return { remoteId, warnings: await complete(remoteId, member, planned, false, signal) };
    },

    preview: plan,
  };
}
