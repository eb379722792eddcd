import { z } from 'zod'

/**
 * Background jobs as the admin sees them. `failed` = an attempt failed and a retry
 * is scheduled at `runAt`; `dead` = out of attempts (or unknown type / invalid
 * payload): only an admin retry runs it again.
 */
export const JOB_STATUSES = ['pending', 'running', 'done', 'failed', 'dead'] as const
export const jobStatus = z.enum(JOB_STATUSES)
export type JobStatusName = z.infer<typeof jobStatus>

export const listJobsQuery = z
  .object({
    status: jobStatus.optional(),
    /** Dotted job type, e.g. `mail.send_reply`. */
    type: z.string().min(1).max(100).optional(),
    cursor: z.string().min(1).max(500).regex(/^[A-Za-z0-9_-]+$/, 'not a cursor').optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict()
export type ListJobsQuery = z.infer<typeof listJobsQuery>

export const jobView = z.object({
  id: z.string(),
  type: z.string(),
  status: jobStatus,
  payload: z.unknown(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  runAt: z.string().describe('When it is (or was) due; for `failed`, the next retry'),
  lockedBy: z.string().nullable().describe('Worker running it now'),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type JobView = z.infer<typeof jobView>

export const jobPage = z.object({ items: z.array(jobView), nextCursor: z.string().nullable() })
export type JobPage = z.infer<typeof jobPage>

export const jobIdParams = z.object({ id: z.string().uuid() })
