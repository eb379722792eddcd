import type { FastifyInstance } from 'fastify'
import { jobIdParams, jobPage, jobView, listJobsQuery } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import { listAccountJobs } from './list-jobs.ts'
import { retryJob } from './retry-job.ts'

/** Admin view of the background job queue. */
export async function jobRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({
    method: 'GET', path: '/jobs', tags: ['Jobs'], access: 'admin', query: listJobsQuery, response: jobPage,
    summary: 'List background jobs of the account, newest first',
    description: 'Filter by `status` (e.g. `dead` for jobs that ran out of attempts) and `type`.',
  })
  app.get('/jobs', { config: { access: 'admin' } }, async (request) =>
    listAccountJobs(deps, principalOf(request), parseInput(listJobsQuery, request.query)))

  documentRoute({
    method: 'POST', path: '/jobs/:id/retry', tags: ['Jobs'], access: 'admin', params: jobIdParams, response: jobView,
    summary: 'Retry a dead or failed job now, with a fresh set of attempts',
    errors: ['job.not_found', 'job.not_retryable'],
  })
  app.post<{ Params: { id: string } }>('/jobs/:id/retry', { config: { access: 'admin' } }, async (request) => {
    if (!isId(request.params.id)) throw new AppError('job.not_found')

    return retryJob(deps, principalOf(request), request.params.id, request.ip ?? null)
  })
}
