import type { FileHandle, HiringTeamMember, InterviewStage, Job, Source, User } from '../schemas.js';
import type { FileHandleCodec, FileHandleType } from './file-handles.js';
import type { ScenarioInterviewStage, ScenarioJob } from './scenario-schema.js';
import type { SimulatorState } from './state.js';

/**
 * Shared pieces of the wire builders. Rule from reference §11: omit absent optional fields, but send
 * `null` for the handful Ashby is recorded sending as null (creditedToUser, timezone, fraudStatus,
 * submitterClientIp/UserAgent, customRequisitionId, archiveReason when not archived).
 */
export interface WireContext {
  state: SimulatorState;
  handles: FileHandleCodec;
}

export function userWire(ctx: WireContext, userId: string | undefined): User | undefined {
  if (userId === undefined) return undefined;
  const user = ctx.state.users.get(userId);
  return user === undefined ? undefined : structuredClone(user);
}

export function hiringTeamWire(
  ctx: WireContext,
  members: readonly { userId: string; role: string }[],
): HiringTeamMember[] {
  return members.flatMap((member) => {
    const user = ctx.state.users.get(member.userId);
    if (user === undefined) return [];
    return [
      {
        userId: user.id,
        firstName: user.firstName,
        lastName: user.lastName,
        email: user.email ?? '',
        role: member.role,
      },
    ];
  });
}

export function stageWire(stage: ScenarioInterviewStage): InterviewStage {
  return {
    id: stage.id,
    title: stage.title,
    type: stage.type,
    orderInInterviewPlan: stage.orderInInterviewPlan,
    interviewStageGroupId: stage.interviewStageGroupId,
    interviewPlanId: stage.interviewPlanId,
  };
}

export function sourceWire(ctx: WireContext, sourceId: string | undefined): Source | undefined {
  if (sourceId === undefined) return undefined;
  const source = ctx.state.sources.get(sourceId);
  return source === undefined ? undefined : structuredClone(source);
}

export function fileHandleWire(
  ctx: WireContext,
  fileId: string,
  type: FileHandleType,
  ownerId: string,
): FileHandle | undefined {
  const file = ctx.state.files.get(fileId);
  if (file === undefined) return undefined;
  return { id: file.id, name: file.name, handle: ctx.handles.encode(type, file.id, ownerId) };
}

export function jobWire(ctx: WireContext, job: ScenarioJob, expand: readonly string[] = []): Job {
  const author = userWire(ctx, job.authorId);
  const location = ctx.state.locations.get(job.locationId);
  return {
    id: job.id,
    title: job.title,
    confidential: job.confidential,
    status: job.status,
    employmentType: job.employmentType,
    locationId: job.locationId,
    departmentId: job.departmentId,
    defaultInterviewPlanId: job.defaultInterviewPlanId,
    interviewPlanIds: [job.defaultInterviewPlanId],
    customFields: structuredClone(job.customFields),
    jobPostingIds: [],
    customRequisitionId: job.customRequisitionId,
    hiringTeam: hiringTeamWire(ctx, job.hiringTeam),
    ...(author === undefined ? {} : { author }),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    ...(job.openedAt === undefined ? {} : { openedAt: job.openedAt }),
    ...(job.closedAt === undefined ? {} : { closedAt: job.closedAt }),
    ...(expand.includes('location') && location !== undefined ? { location: structuredClone(location) } : {}),
  };
}
