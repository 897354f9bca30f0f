import type {
  Application,
  ApplicationInfo,
  Candidate,
  ContactInfo,
  Offer,
  OfferFormDefinition,
  OfferListItem,
  OfferVersion,
} from '../schemas.js';
import type { ScenarioCandidate, ScenarioOffer, ScenarioOfferVersion } from './scenario-schema.js';
import type { StoredApplication } from './state.js';
import {
  fileHandleWire,
  hiringTeamWire,
  sourceWire,
  stageWire,
  userWire,
  type WireContext,
} from './wire-common.js';

/** Builders for the records that embed others: applications, candidates, offers. */

function primary(contacts: readonly ContactInfo[]): ContactInfo | undefined {
  const found = contacts.find((c) => c.isPrimary);
  return found === undefined ? undefined : { ...found };
}

export function applicationWire(ctx: WireContext, app: StoredApplication): Application {
  const { state } = ctx;
  const candidate = state.candidates.get(app.candidateId);
  const job = state.jobs.get(app.jobId);
  const stage = state.interviewStages.get(app.currentInterviewStageId);
  if (candidate === undefined || job === undefined || stage === undefined) {
    throw new Error(`application ${app.id} references a missing record`);
  }
  const email = primary(candidate.emailAddresses);
  const phone = primary(candidate.phoneNumbers);
  const source = sourceWire(ctx, app.sourceId);
  const archiveReason =
    app.archiveReasonId === undefined ? undefined : state.archiveReasons.get(app.archiveReasonId);
  return {
    id: app.id,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    status: app.status,
    customFields: structuredClone(app.customFields),
    candidate: {
      id: candidate.id,
      name: candidate.name,
      ...(email === undefined ? {} : { primaryEmailAddress: email }),
      ...(phone === undefined ? {} : { primaryPhoneNumber: phone }),
    },
    currentInterviewStage: stageWire(stage),
    ...(source === undefined ? {} : { source }),
    archiveReason: archiveReason === undefined ? null : structuredClone(archiveReason),
    ...(app.archivedAt === undefined ? {} : { archivedAt: app.archivedAt }),
    job: { id: job.id, title: job.title, locationId: job.locationId, departmentId: job.departmentId },
    creditedToUser: userWire(ctx, app.creditedToUserId) ?? null,
    hiringTeam: hiringTeamWire(ctx, app.hiringTeam),
    ...(app.appliedViaJobPostingId === undefined
      ? {}
      : { appliedViaJobPostingId: app.appliedViaJobPostingId }),
    submitterClientIp: null,
    submitterUserAgent: null,
  };
}

/** application.info adds the stage history and the candidate's resume handle. */
export function applicationInfoWire(ctx: WireContext, app: StoredApplication): ApplicationInfo {
  const candidate = ctx.state.candidates.get(app.candidateId);
  const resume =
    candidate?.resumeFileId === undefined
      ? undefined
      : fileHandleWire(ctx, candidate.resumeFileId, 'ResumeFile', candidate.id);
  return {
    ...applicationWire(ctx, app),
    applicationHistory: app.history.map((entry, index) => ({
      id: entry.id,
      stageId: entry.stageId,
      title: ctx.state.interviewStages.get(entry.stageId)?.title ?? 'Unknown',
      stageNumber: index,
      enteredStageAt: entry.enteredStageAt,
      ...(entry.leftStageAt === undefined ? {} : { leftStageAt: entry.leftStageAt }),
      allowedActions: ['set_entered_at', 'delete'],
      actorId: null,
    })),
    ...(resume === undefined ? {} : { resumeFileHandle: resume }),
  };
}

export function candidateWire(ctx: WireContext, c: ScenarioCandidate): Candidate {
  const email = primary(c.emailAddresses);
  const phone = primary(c.phoneNumbers);
  const resume =
    c.resumeFileId === undefined ? undefined : fileHandleWire(ctx, c.resumeFileId, 'ResumeFile', c.id);
  const source = sourceWire(ctx, c.sourceId);
  return {
    id: c.id,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    name: c.name,
    ...(email === undefined ? {} : { primaryEmailAddress: email }),
    emailAddresses: structuredClone(c.emailAddresses),
    ...(phone === undefined ? {} : { primaryPhoneNumber: phone }),
    phoneNumbers: structuredClone(c.phoneNumbers),
    socialLinks: structuredClone(c.socialLinks),
    tags: structuredClone(c.tags ?? []),
    ...(c.position === undefined ? {} : { position: c.position }),
    ...(c.company === undefined ? {} : { company: c.company }),
    ...(c.school === undefined ? {} : { school: c.school }),
    applicationIds: ctx.state.applicationIdsOfCandidate(c.id),
    ...(resume === undefined ? {} : { resumeFileHandle: resume }),
    fileHandles: c.fileIds.flatMap((fileId) => fileHandleWire(ctx, fileId, 'CandidateFile', c.id) ?? []),
    customFields: structuredClone(c.customFields),
    profileUrl: `https://app.ashbyhq.com/candidate-searches/new/right-side/candidates/${c.id}`,
    ...(source === undefined ? {} : { source }),
    creditedToUser: userWire(ctx, c.creditedToUserId) ?? null,
    timezone: c.timezone,
    ...(c.location === undefined ? {} : { location: structuredClone(c.location) }),
    fraudStatus: null,
  };
}

function offerVersionWire(ctx: WireContext, offer: ScenarioOffer, v: ScenarioOfferVersion): OfferVersion {
  const ownerId = ctx.state.applications.get(offer.applicationId)?.candidateId ?? offer.applicationId;
  const author = userWire(ctx, v.authorId);
  return {
    id: v.id,
    createdAt: v.createdAt,
    ...(v.startDate === undefined ? {} : { startDate: v.startDate }),
    ...(v.salary === undefined ? {} : { salary: { ...v.salary } }),
    ...(v.openingId === undefined ? {} : { openingId: v.openingId }),
    customFields: structuredClone(v.customFields),
    fileHandles: v.fileIds.flatMap((fileId) => fileHandleWire(ctx, fileId, 'OfferFile', ownerId) ?? []),
    ...(author === undefined ? {} : { author }),
    ...(v.approvalStatus === undefined ? {} : { approvalStatus: v.approvalStatus }),
  };
}

export function offerListItemWire(ctx: WireContext, offer: ScenarioOffer): OfferListItem {
  const latest = offer.versions[offer.versions.length - 1];
  return {
    id: offer.id,
    decidedAt: offer.decidedAt,
    applicationId: offer.applicationId,
    acceptanceStatus: offer.acceptanceStatus,
    offerStatus: offer.offerStatus,
    ...(latest === undefined ? {} : { latestVersion: offerVersionWire(ctx, offer, latest) }),
  };
}

export function offerWire(ctx: WireContext, offer: ScenarioOffer): Offer {
  return {
    ...offerListItemWire(ctx, offer),
    versions: offer.versions.map((v) => offerVersionWire(ctx, offer, v)),
    formDefinition: offerFormDefinition(ctx),
  };
}

/** A plausible offer form: start date, salary, then one field per Offer custom field definition. */
function offerFormDefinition(ctx: WireContext): OfferFormDefinition {
  const custom = [...ctx.state.customFieldDefinitions.values()].filter((d) => d.objectType === 'Offer');
  return {
    sections: [
      {
        title: 'Offer details',
        fields: [
          {
            isRequired: true,
            field: {
              id: 'startDate',
              type: 'Date',
              path: 'startDate',
              title: 'Start date',
              isNullable: false,
            },
          },
          {
            isRequired: true,
            field: { id: 'salary', type: 'Currency', path: 'salary', title: 'Salary', isNullable: false },
          },
          ...custom.map((d) => ({
            isRequired: d.isRequired,
            field: {
              id: d.id,
              type: d.fieldType,
              path: `customFields.${d.id}`,
              title: d.title,
              isNullable: !d.isRequired,
              ...(d.selectableValues
                ? { selectableValues: d.selectableValues.map((s) => ({ label: s.label, value: s.value })) }
                : {}),
            },
          })),
        ],
      },
    ],
  };
}
