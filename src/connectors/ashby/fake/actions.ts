import type { Application, ApplicationStatus, Offer, Salary } from '../schemas.js';
import { isoAt, type SimulatorCore } from './core.js';
import type { ScenarioInterviewStage, ScenarioOffer } from './scenario-schema.js';
import type { StoredApplication } from './state.js';
import { applicationWire, offerWire } from './wire-records.js';

/** State changes a recruiter would make in Ashby, each followed by the webhooks Ashby would send. */

export interface HireOptions {
  /** ISO date-time or YYYY-MM-DD; used when the hire creates the offer or to override its start date. */
  startDate?: string;
  salary?: Salary;
  /** The opening the hire fills: named on the offer's latest version, and the opening becomes Filled. */
  openingId?: string;
}

export interface HireResult {
  webhookActionId: string;
  application: Application;
  offer: Offer;
}

const DAY_MS = 86_400_000;

export class UnknownRecordError extends Error {
  constructor(kind: string, id: string) {
    super(`unknown ${kind} ${id}`);
    this.name = 'UnknownRecordError';
  }
}

export function requireApplication(core: SimulatorCore, applicationId: string): StoredApplication {
  const app = core.state.applications.get(applicationId);
  if (app === undefined) throw new UnknownRecordError('application', applicationId);
  return app;
}

/**
 * Hire: status Hired, stage Hired, latest offer accepted (created when missing), then the fan-out
 * candidateHire {application, offer} + applicationUpdate + candidateStageChange under one webhookActionId.
 */
export function hire(core: SimulatorCore, applicationId: string, options: HireOptions = {}): HireResult {
  const app = requireApplication(core, applicationId);
  const opening = options.openingId === undefined ? undefined : core.state.openings.get(options.openingId);
  if (options.openingId !== undefined && opening === undefined)
    throw new UnknownRecordError('opening', options.openingId);
  const nowIso = isoAt(core.now());
  const offer = acceptedOffer(core, app, options, nowIso);
  if (opening !== undefined) {
    // Ashby shows a filled opening as Filled on read (the mechanism is UNCONFIRMED; hris-apis.md §6).
    opening.openingState = 'Filled';
    core.state.touch(opening.id);
  }
  app.status = 'Hired';
  delete app.archivedAt;
  delete app.archiveReasonId;
  moveToStage(core, app, stageForType(core, app, 'Hired'), nowIso);
  const application = applicationWire(core.wire, app);
  const offerBody = offerWire(core.wire, offer);
  const webhookActionId = core.webhooks.fanOut(
    [
      { action: 'candidateHire', data: { application, offer: offerBody } },
      { action: 'applicationUpdate', data: { application } },
      { action: 'candidateStageChange', data: { application } },
    ],
    core.state.webhooks.values(),
  );
  return { webhookActionId, application, offer: offerBody };
}

/**
 * A new offer version with another start date (Ashby versions offers on edit), then offerUpdate and
 * applicationUpdate. They get separate webhookActionIds: Ashby's documented related-webhook pairs do not
 * include offerUpdate → applicationUpdate.
 */
export function updateOfferStartDate(
  core: SimulatorCore,
  applicationId: string,
  startDate: string,
): { offer: Offer; webhookActionIds: string[] } {
  const app = requireApplication(core, applicationId);
  const offers = core.state.offersOfApplication(applicationId);
  const offer = offers.filter((o) => o.acceptanceStatus === 'Accepted').pop() ?? offers.pop();
  if (offer === undefined) throw new UnknownRecordError('offer for application', applicationId);
  const nowIso = isoAt(core.now());
  const latest = offer.versions[offer.versions.length - 1];
  offer.versions.push({
    ...structuredClone(latest ?? { customFields: [], fileIds: [] }),
    id: core.state.newId(),
    createdAt: nowIso,
    startDate: normaliseDate(startDate),
  });
  core.state.touch(offer.id);
  app.updatedAt = nowIso;
  core.state.touch(app.id);
  const offerBody = offerWire(core.wire, offer);
  const hooks = core.state.webhooks.values();
  const first = core.webhooks.fanOut([{ action: 'offerUpdate', data: { offer: offerBody } }], hooks);
  const second = core.webhooks.fanOut(
    [{ action: 'applicationUpdate', data: { application: applicationWire(core.wire, app) } }],
    core.state.webhooks.values(),
  );
  return { offer: offerBody, webhookActionIds: [first, second] };
}

/** Status change other than a hire: stage of the matching type, then candidateStageChange + applicationUpdate. */
export function setApplicationStatus(
  core: SimulatorCore,
  applicationId: string,
  status: ApplicationStatus,
): { webhookActionId: string; application: Application } {
  if (status === 'Hired') {
    const result = hire(core, applicationId);
    return { webhookActionId: result.webhookActionId, application: result.application };
  }
  const app = requireApplication(core, applicationId);
  const nowIso = isoAt(core.now());
  app.status = status;
  if (status === 'Archived') {
    app.archivedAt = nowIso;
    const reason = core.state.archiveReasons.values().next().value;
    if (reason !== undefined) app.archiveReasonId = reason.id;
  } else {
    delete app.archivedAt;
    delete app.archiveReasonId;
  }
  moveToStage(core, app, stageForType(core, app, status), nowIso);
  const application = applicationWire(core.wire, app);
  const webhookActionId = core.webhooks.fanOut(
    [
      { action: 'candidateStageChange', data: { application } },
      { action: 'applicationUpdate', data: { application } },
    ],
    core.state.webhooks.values(),
  );
  return { webhookActionId, application };
}

function acceptedOffer(
  core: SimulatorCore,
  app: StoredApplication,
  options: HireOptions,
  nowIso: string,
): ScenarioOffer {
  let offer = core.state.offersOfApplication(app.id).pop();
  if (offer === undefined) {
    const startMs = Math.ceil((core.now() + 28 * DAY_MS) / DAY_MS) * DAY_MS;
    offer = {
      id: core.state.newId(),
      applicationId: app.id,
      acceptanceStatus: 'Accepted',
      offerStatus: 'CandidateAccepted',
      decidedAt: nowIso,
      versions: [
        {
          id: core.state.newId(),
          createdAt: nowIso,
          startDate: isoAt(startMs),
          salary: options.salary ?? { currencyCode: 'USD', value: 100_000 },
          customFields: [],
          fileIds: [],
          ...(app.hiringTeam[0] === undefined ? {} : { authorId: app.hiringTeam[0].userId }),
          approvalStatus: 'Approved',
        },
      ],
    };
    core.state.offers.set(offer.id, offer);
  } else if (offer.acceptanceStatus !== 'Accepted') {
    offer.acceptanceStatus = 'Accepted';
    offer.offerStatus = 'CandidateAccepted';
    offer.decidedAt = nowIso;
  }
  const latest = offer.versions[offer.versions.length - 1];
  if (latest !== undefined && options.startDate !== undefined)
    latest.startDate = normaliseDate(options.startDate);
  if (latest !== undefined && options.salary !== undefined) latest.salary = options.salary;
  if (latest !== undefined && options.openingId !== undefined) latest.openingId = options.openingId;
  core.state.touch(offer.id);
  return offer;
}

/** The plan's stage of the given type; created (appended to the plan) when the plan has none. */
function stageForType(core: SimulatorCore, app: StoredApplication, type: string): ScenarioInterviewStage {
  const current = core.state.interviewStages.get(app.currentInterviewStageId);
  const planId = current?.interviewPlanId ?? core.state.jobs.get(app.jobId)?.defaultInterviewPlanId ?? 'plan';
  if (current?.type === type) return current;
  const existing = core.state.stageOfType(planId, type);
  if (existing !== undefined) return existing;
  const order = Math.max(
    0,
    ...[...core.state.interviewStages.values()]
      .filter((s) => s.interviewPlanId === planId)
      .map((s) => s.orderInInterviewPlan),
  );
  const stage: ScenarioInterviewStage = {
    id: core.state.newId(),
    title: type,
    type,
    orderInInterviewPlan: order + 1,
    interviewStageGroupId: null,
    interviewPlanId: planId,
  };
  core.state.interviewStages.set(stage.id, stage);
  return stage;
}

function moveToStage(
  core: SimulatorCore,
  app: StoredApplication,
  stage: ScenarioInterviewStage,
  nowIso: string,
): void {
  if (app.currentInterviewStageId !== stage.id) {
    const open = app.history[app.history.length - 1];
    if (open !== undefined && open.leftStageAt === undefined) open.leftStageAt = nowIso;
    app.history.push({ id: core.state.newId(), stageId: stage.id, enteredStageAt: nowIso });
    app.currentInterviewStageId = stage.id;
  }
  app.updatedAt = nowIso;
  core.state.touch(app.id);
}

/** Offer start dates are ISO date-times; accept a bare YYYY-MM-DD for convenience. */
export function normaliseDate(value: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${value}`);
  return isoAt(ms);
}
