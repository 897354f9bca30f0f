import { z } from 'zod';
import type { Application, Candidate, WebhookSetting } from '../schemas.js';
import { UnknownRecordError } from './actions.js';
import { isoAt, type SimulatorCore } from './core.js';
import {
  scenarioApplicationSchema,
  scenarioCandidateSchema,
  type ScenarioWebhook,
} from './scenario-schema.js';
import { applicationWire, candidateWire } from './wire-records.js';

/**
 * Adding records at runtime (tests, demo). Inputs are the scenario shapes with the boring fields made
 * optional; no webhook is sent, like an import or integration sync in Ashby (no applicationSubmit).
 */
export const newCandidateSchema = scenarioCandidateSchema.partial().required({ name: true });
export type NewCandidate = z.input<typeof newCandidateSchema>;

export const newApplicationSchema = scenarioApplicationSchema
  .partial()
  .required({ candidateId: true, jobId: true });
export type NewApplication = z.input<typeof newApplicationSchema>;

export function addCandidate(core: SimulatorCore, input: NewCandidate): Candidate {
  const given = newCandidateSchema.parse(input);
  const nowIso = isoAt(core.now());
  const candidate = scenarioCandidateSchema.parse({
    id: core.state.newId(),
    createdAt: nowIso,
    updatedAt: nowIso,
    emailAddresses: [],
    phoneNumbers: [],
    socialLinks: [],
    fileIds: [],
    customFields: [],
    timezone: null,
    ...dropUndefined(given),
  });
  for (const fileId of [...candidate.fileIds, ...(candidate.resumeFileId ? [candidate.resumeFileId] : [])]) {
    if (!core.state.files.has(fileId)) throw new UnknownRecordError('file', fileId);
  }
  core.state.candidates.set(candidate.id, candidate);
  core.state.touch(candidate.id);
  return candidateWire(core.wire, candidate);
}

export function addApplication(core: SimulatorCore, input: NewApplication): Application {
  const given = newApplicationSchema.parse(input);
  if (!core.state.candidates.has(given.candidateId))
    throw new UnknownRecordError('candidate', given.candidateId);
  const job = core.state.jobs.get(given.jobId);
  if (job === undefined) throw new UnknownRecordError('job', given.jobId);
  const nowIso = isoAt(core.now());
  const status = given.status ?? 'Active';
  const stage =
    core.state.stageOfType(job.defaultInterviewPlanId, status) ??
    [...core.state.interviewStages.values()].find((s) => s.interviewPlanId === job.defaultInterviewPlanId);
  const stageId = given.currentInterviewStageId ?? stage?.id;
  if (stageId === undefined || !core.state.interviewStages.has(stageId)) {
    throw new UnknownRecordError('interview stage for job', job.id);
  }
  const parsed = scenarioApplicationSchema.parse({
    id: core.state.newId(),
    status,
    currentInterviewStageId: stageId,
    createdAt: nowIso,
    updatedAt: nowIso,
    customFields: [],
    hiringTeam: job.hiringTeam,
    ...dropUndefined(given),
  });
  const stored = {
    ...parsed,
    history: parsed.history ?? [{ id: core.state.newId(), stageId, enteredStageAt: parsed.createdAt }],
  };
  core.state.applications.set(stored.id, stored);
  core.state.touch(stored.id);
  core.state.touch(stored.candidateId);
  return applicationWire(core.wire, stored);
}

export const createWebhookSchema = z.looseObject({
  webhookType: z.string().min(1),
  requestUrl: z.url(),
  secretToken: z.string(),
});

/** webhook.create: store, ping, and keep the webhook disabled when the ping fails (§2.1). */
export async function createWebhook(
  core: SimulatorCore,
  input: z.infer<typeof createWebhookSchema>,
): Promise<WebhookSetting> {
  const webhook: ScenarioWebhook = {
    id: core.state.newId(),
    webhookType: input.webhookType,
    requestUrl: input.requestUrl,
    secretToken: input.secretToken,
    enabled: false,
  };
  core.state.webhooks.set(webhook.id, webhook);
  webhook.enabled = await core.webhooks.ping(webhook);
  return webhookWire(webhook, true);
}

/** webhook.update: a change or a re-enable sends a new ping; the webhook is enabled only if it succeeds. */
export async function updateWebhook(
  core: SimulatorCore,
  webhook: ScenarioWebhook,
  change: {
    enabled?: boolean | undefined;
    requestUrl?: string | undefined;
    secretToken?: string | undefined;
  },
): Promise<WebhookSetting> {
  if (change.requestUrl !== undefined) webhook.requestUrl = change.requestUrl;
  if (change.secretToken !== undefined) webhook.secretToken = change.secretToken;
  const wantEnabled = change.enabled ?? webhook.enabled;
  webhook.enabled = wantEnabled ? await core.webhooks.ping(webhook) : false;
  return webhookWire(webhook, true);
}

export function webhookWire(webhook: ScenarioWebhook, withSecret: boolean): WebhookSetting {
  return {
    id: webhook.id,
    enabled: webhook.enabled,
    requestUrl: webhook.requestUrl,
    ...(withSecret ? { secretToken: webhook.secretToken } : {}),
    webhookType: webhook.webhookType,
  };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
