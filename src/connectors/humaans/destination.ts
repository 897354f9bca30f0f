import { AppError } from '../../core/errors/app-error.js';
import { softStep } from '../kit/soft-step.js';
import type { DestinationClient, PushedMember, PushResult } from '../../core/ports/destination.js';
import type { ConnectorContext } from '../definition.js';
import { createHumaansApi } from './client.js';
import { cachedList } from './lookups.js';
import { humaansSettingsSchema, type HumaansSettings } from './settings.js';
import { planPerson, resolveMapping, type HumaansLookups, type PersonPlan } from './to-person.js';

export interface HumaansCredentials {
  readonly apiToken: string;
}

/** The DestinationClient for one Humaans company, plus a preview that sends nothing. */
export interface HumaansDestination extends DestinationClient {
  preview(member: PushedMember, signal?: AbortSignal): Promise<PersonPlan>;
}

export function createHumaansDestination(
  context: ConnectorContext,
  credentials: HumaansCredentials,
  settingsInput: unknown = {},
): HumaansDestination {
  const settings: HumaansSettings = humaansSettingsSchema.parse(settingsInput);
  const tenant = context.limiterKey;
  const api = createHumaansApi({
    http: context.http,
    baseUrl: context.baseUrl,
    apiToken: credentials.apiToken,
    limiterKey: tenant,
  });

  /** Only the lists this member needs: a token without compensation scopes can still push a hire without a salary. */
  async function lookups(member: PushedMember, signal?: AbortSignal): Promise<HumaansLookups> {
    const values = resolveMapping(member, settings.mapping);
    const none = async () => [] as const;
    const [locations, compensationTypes, documentTypes] = await Promise.all([
      member.location ? cachedList(tenant, 'locations', () => api.locations(signal)) : none(),
      values.has('compensation.amount')
        ? cachedList(tenant, 'compensationTypes', () => api.compensationTypes(signal))
        : none(),
      settings.documents === 'link' && member.documents.length > 0
        ? cachedList(tenant, 'documentTypes', () => api.documentTypes(signal))
        : none(),
    ]);
    return { locations, compensationTypes, documentTypes };
  }

  async function plan(member: PushedMember, signal?: AbortSignal): Promise<PersonPlan> {
    return planPerson(member, settings, await lookups(member, signal));
  }

  async function findByEmail(email: string, signal?: AbortSignal): Promise<string | null> {
    for (const field of ['email', 'personalEmail'] as const) {
      const found = await api.peopleWithEmail(email, field, signal);
      if (found[0]) return found[0].id;
    }
    return null;
  }

  /** By the manager's email first, then the id kept from an earlier push; never a guess. */
  async function matchManager(member: PushedMember, signal?: AbortSignal): Promise<string | null> {
    const manager = member.manager;
    if (!manager) return null;
    if (manager.email) {
      const id = await findByEmail(manager.email, signal);
      if (id !== null) return id;
    }
    if (manager.remoteId && (await api.personExists(manager.remoteId, signal))) return manager.remoteId;
    return null;
  }

  /** Job role (with the manager), compensation, custom values, documents; `fresh` skips repeat checks. */
  async function complete(
    personId: string,
    member: PushedMember,
    planned: PersonPlan,
    fresh: boolean,
    signal?: AbortSignal,
  ): Promise<string[]> {
    const warnings = [...planned.warnings];
    const managerId = await matchManager(member, signal);
    if (member.manager && managerId === null) {
      warnings.push(`manager not matched: ${member.manager.email ?? member.manager.name ?? 'unknown'}`);
    }

    const jobRole = planned.jobRole;
    if (jobRole) {
      const existing = fresh ? [] : await api.jobRoles(personId, signal);
      if (!existing.some((r) => r.effectiveDate === jobRole.effectiveDate)) {
        await api.createJobRole(
          { personId, ...jobRole, ...(managerId === null ? {} : { reportingTo: managerId }) },
          signal,
        );
      }
    } else if (managerId !== null) {
      warnings.push('manager not sent: Humaans records the manager on a job role, which needs a job title');
    }

    const compensation = planned.compensation;
    if (compensation) {
      const existing = fresh ? [] : await api.compensations(personId, signal);
      if (!existing.some((c) => c.effectiveDate === compensation.effectiveDate)) {
        await api.createCompensation({ personId, ...compensation }, signal);
      }
    }

    // Sent with the create only: a repeat could file a second value, and Humaans has no upsert we know of.
    if (fresh) {
      for (const value of planned.customValues) {
        await softStep(warnings, `custom field ${value.customFieldId} not sent`, 'Humaans', () =>
          api.createCustomValue({ personId, ...value }, signal),
        );
      }
    }

    const present = new Set(
      fresh || planned.documents.length === 0
        ? []
        : (await api.documents(personId, signal)).map((d) => d.name),
    );
    for (const { document, ...doc } of planned.documents) {
      if (present.has(doc.name)) continue;
      await softStep(warnings, `${document.kind.replace('_', ' ')} not sent`, 'Humaans', () =>
        api.createDocument({ personId, ...doc }, signal),
      );
    }
    return warnings;
  }

  return {
    async testConnection(signal) {
      await api.me(signal);
    },

    async findPerson(member, knownRemoteId, signal) {
      const emails = [member.fields['personalEmail'], member.fields['workEmail']].filter(
        (e, i, all): e is string => typeof e === 'string' && e !== '' && all.indexOf(e) === i,
      );
      for (const email of emails) {
        const id = await findByEmail(email, signal);
        if (id !== null) return { remoteId: id };
      }
      if (knownRemoteId && (await api.personExists(knownRemoteId, signal)))
        return { remoteId: knownRemoteId };
      return null;
    },

    async createPerson(member, signal): Promise<PushResult> {
      const planned = await plan(member, signal);
      if (planned.missing.length > 0) {
        throw new AppError('validation_failed', `Humaans needs: ${planned.missing.join(', ')}`, {
          details: { missing: planned.missing },
        });
      }
      const remoteId = await api.createPerson(planned.person, signal);
      return { remoteId, warnings: await complete(remoteId, member, planned, true, signal) };
    },

    async updatePerson(remoteId, member, signal): Promise<PushResult> {
      const planned = await plan(member, signal);
      // The person's own fields first (names, emails, phone...), then what hangs off it.
      await api.updatePerson(remoteId, planned.person, signal);
      return { remoteId, warnings: await complete(remoteId, member, planned, false, signal) };
    },

    preview: plan,
  };
}
