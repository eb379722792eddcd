import type { Executor } from '../db/database.ts'
import { toJson } from '../db/json.ts'
import { newId } from '../lib/ids.ts'

export const DEFAULT_MAX_ATTEMPTS = 8

export interface EnqueueOptions {
  /** The tenant the work belongs to (shown in the admin job list). */
  accountId?: string | null
  /** ISO-8601 UTC; defaults to `now` (due immediately). */
  runAt?: string
  /**
   * With `type`, unique: a second enqueue with the same key is a no-op, so a
   * retried request or a re-delivered webhook does not schedule the work twice.
   */
  dedupeKey?: string
  maxAttempts?: number
  /** Pass `deps.clock.now()` when the caller runs on a pinned clock (tests). */
  now?: Date
}

/**
 * Writes a job row in the caller's transaction (transactional outbox): the work is
 * scheduled if and only if the change that caused it commits. Returns the new job's
 * id, or null when a job with the same (type, dedupeKey) already exists.
 * The payload must be JSON-serializable; it is validated against the job
 * definition's schema when the job runs (see registry.ts).
 */
export async function enqueueJob(trx: Executor, type: string, payload: unknown, opts: EnqueueOptions = {}): Promise<string | null> {
  const now = (opts.now ?? new Date()).toISOString()
  const id = newId()
  const inserted = await trx
    .insertInto('jobs')
    .values({
      id,
      account_id: opts.accountId ?? null,
      type,
      payload: toJson(payload),
      status: 'pending',
      dedupe_key: opts.dedupeKey ?? null,
      run_at: opts.runAt ?? now,
      max_attempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      last_error: null,
      locked_by: null,
      locked_until: null,
      created_at: now,
      updated_at: now,
    })
    // Same statement on both dialects: the unique (type, dedupe_key) index decides.
    .onConflict((oc) => oc.columns(['type', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst()

  return inserted ? id : null
}
