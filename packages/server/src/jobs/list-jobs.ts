import type { JobPage, ListJobsQuery } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import { listJobs } from './job.repo.ts'
import { toJobView } from './job-view.ts'

function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined
  const id = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!isId(id)) throw new AppError('request.validation_failed', [{ path: 'cursor', code: 'invalid_cursor', message: 'Invalid cursor' }])

  return id
}

/** The account's jobs, newest first, by cursor. System-wide jobs (no account) are not listed. */
export async function listAccountJobs(deps: Deps, principal: Principal, query: ListJobsQuery): Promise<JobPage> {
  const rows = await listJobs(deps.db, principal.accountId, {
    status: query.status,
    type: query.type,
    before: decodeCursor(query.cursor),
    limit: query.limit + 1,
  })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)

  return {
    items: page.map(toJobView),
    nextCursor: rows.length > query.limit && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null,
  }
}
