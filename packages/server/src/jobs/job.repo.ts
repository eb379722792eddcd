import type { Db, Executor } from '../db/database.ts'
import type { JobRow, JobStatus } from './job.table.ts'

const MAX_ERROR_LENGTH = 2_000

function clip(error: string): string {
  return error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error
}

/** Success; only if this worker still holds the job (its lease may have been taken over). */
export async function markJobDone(db: Db, job: JobRow, now: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', locked_by: null, locked_until: null, last_error: null, updated_at: now })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .execute()
}

/** A failed attempt: `failed` with a later `run_at` (retry), or `dead` when `retryAt` is null. */
export async function markJobFailed(db: Db, job: JobRow, error: string, retryAt: string | null, now: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: retryAt ? 'failed' : 'dead',
      run_at: retryAt ?? job.run_at,
      last_error: clip(error),
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .execute()
}

export interface JobListFilter {
  status?: JobStatus
  type?: string
  /** Id of the last job of the previous page (newest first). */
  before?: string
  limit: number
}

export async function listJobs(db: Executor, accountId: string, filter: JobListFilter): Promise<JobRow[]> {
  let query = db.selectFrom('jobs').selectAll().where('account_id', '=', accountId)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.type) query = query.where('type', '=', filter.type)
  if (filter.before) query = query.where('id', '<', filter.before)

  return query.orderBy('id', 'desc').limit(filter.limit).execute()
}

export async function findJob(db: Executor, accountId: string, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

/** Puts a dead or failed job back in the queue with a fresh set of attempts; null when it is not retryable. */
export async function requeueJob(db: Executor, accountId: string, id: string, now: string): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set({ status: 'pending', attempts: 0, run_at: now, locked_by: null, locked_until: null, updated_at: now })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('status', 'in', ['dead', 'failed'])
    .returningAll()
    .executeTakeFirst()
}
