import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParamsSchema, itemsOf } from '../../../contract/common.js';
import { jobSchema, listJobsQuerySchema, type JobResponse } from '../../../contract/jobs.js';
import type { JobView } from '../../../core/model/job-view.js';
import type { HttpServices } from '../../services.js';

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

const tags = ['Jobs'];

/** The queue, for operators: list jobs (dead ones with their last error) and retry dead ones. */
export function jobRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/jobs',
    {
      schema: {
        tags,
        summary: 'List background jobs',
        querystring: listJobsQuerySchema,
        response: { 200: itemsOf(jobSchema) },
      },
      config: { access: 'admin' },
    },
    async ({ query }) => {
      const jobs = await services.listJobs({
        limit: query.limit,
        ...(query.state ? { state: query.state } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
      });
      return { items: jobs.map(toJobResponse) };
    },
  );
  api.get(
    '/api/v1/jobs/:id',
    {
      schema: { tags, summary: 'Read a job', params: idParamsSchema, response: { 200: jobSchema } },
      config: { access: 'admin' },
    },
    async ({ params }) => toJobResponse(await services.getJob(params.id)),
  );
  api.post(
    '/api/v1/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Retry a dead job',
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 200: jobSchema },
      },
      config: { access: 'admin' },
    },
    async ({ params }) => toJobResponse(await services.retryJob(params.id)),
  );
}
