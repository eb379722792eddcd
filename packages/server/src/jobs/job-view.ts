import type { JobView } from '@madoguchi/shared'
import { parseJson } from '../db/json.ts'
import type { JobRow } from './job.table.ts'

export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    payload: parseJson<unknown>(row.payload, null),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
