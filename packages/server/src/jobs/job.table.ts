import type { Generated, Selectable } from 'kysely'

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'dead'

export interface JobTable {
  id: string
  account_id: string | null
  type: string
  /** JSON text, validated by the job definition's schema when run */
  payload: string
  status: JobStatus
  /** With `type`, unique: enqueueing the same work twice is a no-op. */
  dedupe_key: string | null
  run_at: string
  attempts: Generated<number>
  max_attempts: Generated<number>
  last_error: string | null
  locked_by: string | null
  locked_until: string | null
  created_at: string
  updated_at: string
}
export type JobRow = Selectable<JobTable>
