import { sql } from 'kysely'
import type { Deps } from '../deps.ts'
import { writeAlone } from '../db/write-alone.ts'
import { AppError } from '../lib/app-error.ts'
import { batchByTurnFor } from '../lib/batch-by-turn.ts'
import { groupBy } from '../lib/group-by.ts'

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number
  windowMs: number
}

export interface RateLimitState {
  count: number
  windowEndsAt: number
}

type RateLimitDeps = Pick<Deps, 'db' | 'dialect' | 'transact' | 'clock'>

/** One call of hitRateLimit, waiting for its turn's statement. */
interface Hit {
  bucket: string
  windowMs: number
}

/**
 * Counts one hit in a fixed window and returns the state after it. The counter lives
 * in the `rate_limits` table so that every app node shares it. One atomic upsert:
 * a window that has ended restarts, otherwise the count goes up.
 *
 * The hits of one turn of the event loop are counted by one statement (a flood of
 * mail from many senders is one round trip, not one per message): each bucket's
 * hits are added together, and the counts are handed back in the order the hits
 * came, exactly as one upsert per hit would have counted them. A bucket hit with
 * two different windows in one turn keeps the first hit's window.
 */
export async function hitRateLimit(deps: RateLimitDeps, bucket: string, windowMs: number): Promise<RateLimitState> {
  const state = await hitTogether(deps, { bucket, windowMs })
  if (!state) throw new Error(`rate limit: the upsert returned no row for ${bucket}`)

  return state
}

const hitTogether = batchByTurnFor(async (deps: RateLimitDeps, hits: Hit[]): Promise<Map<Hit, RateLimitState>> => {
  const byBucket = groupBy(hits, (hit) => hit.bucket)
  const now = deps.clock.now().getTime()
  const expired = sql<boolean>`rate_limits.window_ends_at <= ${now}`
  const rows = await writeAlone(deps, (db) => db
    .insertInto('rate_limits')
    .values([...byBucket].map(([bucket, same]) => ({ bucket, count: same.length, window_ends_at: now + same[0]!.windowMs })))
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        count: sql<number>`case when ${expired} then excluded.count else rate_limits.count + excluded.count end`,
        window_ends_at: sql<number>`case when ${expired} then excluded.window_ends_at else rate_limits.window_ends_at end`,
      }),
    )
    .returning(['bucket', 'count', 'window_ends_at'])
    .execute())
  const states = new Map<Hit, RateLimitState>()
  for (const row of rows) {
    const same = byBucket.get(row.bucket)!
    // The last hit of the bucket got the count after the statement; each earlier one, one less.
    same.forEach((hit, i) => states.set(hit, { count: Number(row.count) - same.length + 1 + i, windowEndsAt: Number(row.window_ends_at) }))
  }

  return states
})

/**
 * Throws `request.rate_limited` (429, with `Retry-After`) once `bucket` has been hit
 * more than `limit` times in the current window. Every call counts, refused ones too,
 * so hammering does not help. Buckets are free-form: `login:ip:1.2.3.4`, `form:<inbox>`.
 */
export async function enforceRateLimit(deps: RateLimitDeps, bucket: string, rule: RateLimit): Promise<void> {
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
