import { sql } from 'kysely'
import type { Deps } from '../deps.ts'
import { writeAlone } from '../db/write-alone.ts'
import { AppError } from '../lib/app-error.ts'

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number
  windowMs: number
}

export interface RateLimitState {
  count: number
  windowEndsAt: number
}

/**
 * Counts one hit in a fixed window and returns the state after it. The counter lives
 * in the `rate_limits` table so that every app node shares it. One atomic upsert:
 * a window that has ended restarts at 1, otherwise the count goes up.
 */
export async function hitRateLimit(deps: Pick<Deps, 'db' | 'dialect' | 'transact' | 'clock'>, bucket: string, windowMs: number): Promise<RateLimitState> {
  const now = deps.clock.now().getTime()
  const expired = sql<boolean>`rate_limits.window_ends_at <= ${now}`
  const row = await writeAlone(deps, (db) => db
    .insertInto('rate_limits')
    .values({ bucket, count: 1, window_ends_at: now + windowMs })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
        window_ends_at: sql<number>`case when ${expired} then excluded.window_ends_at else rate_limits.window_ends_at end`,
      }),
    )
    .returning(['count', 'window_ends_at'])
    .executeTakeFirstOrThrow())

  return { count: Number(row.count), windowEndsAt: Number(row.window_ends_at) }
}

/**
 * Throws `request.rate_limited` (429, with `Retry-After`) once `bucket` has been hit
 * more than `limit` times in the current window. Every call counts, refused ones too,
 * so hammering does not help. Buckets are free-form: `login:ip:1.2.3.4`, `form:<inbox>`.
 */
export async function enforceRateLimit(deps: Pick<Deps, 'db' | 'dialect' | 'transact' | 'clock'>, bucket: string, rule: RateLimit): Promise<void> {
  const state = await hitRateLimit(deps, bucket, rule.windowMs)
  if (state.count > rule.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((state.windowEndsAt - deps.clock.now().getTime()) / 1000))
    throw new AppError('request.rate_limited', { retryAfterSeconds })
  }
}

/** Deletes windows that ended before `nowMs` (hourly, by the `auth.cleanup` job). */
export async function pruneRateLimits(deps: Pick<Deps, 'db'>, nowMs: number): Promise<number> {
  const result = await deps.db.deleteFrom('rate_limits').where('window_ends_at', '<=', nowMs).executeTakeFirst()

  return Number(result.numDeletedRows)
}
