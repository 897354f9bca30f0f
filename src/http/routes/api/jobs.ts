import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listJobsQuerySchema, type JobResponse } from '../../../contract/jobs.js';
import type { JobView } from '../../../core/model/job-view.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export function toJobResponse(job: JobView): JobResponse {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    attempt: job.attempt,
    maxAttempts: job.maxAttempts,
    runAt: iso(job.runAt),
    uniqueKey: job.uniqueKey,
    lastError: job.lastError,
    createdAt: iso(job.createdAt),
    finishedAt: job.finishedAt === null ? null : iso(job.finishedAt),
  };
}

/** The queue, for operators: list jobs (dead ones with their last error) and retry dead ones. */
export function jobRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/jobs', async (request) => {
    requireRole(request, 'admin');
    const query = parseInput(listJobsQuerySchema, request.query, 'query');
    const jobs = await services.listJobs({
      limit: query.limit,
      ...(query.state ? { state: query.state } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
    });
    return { items: jobs.map(toJobResponse) };
  });
  app.get('/api/v1/jobs/:id', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    return toJobResponse(await services.getJob(id));
  });
  app.post('/api/v1/jobs/:id/retry', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    return toJobResponse(await services.retryJob(id));
  });
}
