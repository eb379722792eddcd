import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { JobRow } from './job.table.ts'

export interface ClaimOptions {
  /** Who holds the lease (shown in the admin list as `lockedBy`). */
  workerId: string
  limit: number
  /** How long the claim lasts; an unfinished job whose lease runs out is claimed again. */
  leaseMs: number
  now: Date
}

/**
 * Atomically moves up to `limit` due jobs to `running` for this worker and returns
 * them (attempts already incremented). Due means: pending or failed-awaiting-retry
 * with `run_at <= now`, or running with an expired lease (its worker crashed).
 * No job is ever handed to two workers while its lease holds:
 * - PostgreSQL: `FOR UPDATE SKIP LOCKED` in one statement, so concurrent workers
 *   skip each other's rows instead of waiting or double-claiming;
 * - SQLite: a conditional `UPDATE … WHERE id = ? AND <still due> RETURNING` per
 *   candidate; the single writer serializes them, so only one worker's update matches.
 */
export async function claimDueJobs(db: Db, dialect: 'sqlite' | 'postgres', options: ClaimOptions): Promise<JobRow[]> {
  const now = options.now.toISOString()
  const lockedUntil = new Date(options.now.getTime() + options.leaseMs).toISOString()
  const claim = {
    status: 'running' as const,
    attempts: sql<number>`attempts + 1`,
    locked_by: options.workerId,
    locked_until: lockedUntil,
    updated_at: now,
  }

  if (dialect === 'postgres') {
    return db
      .with('due', (qb) =>
        qb
          .selectFrom('jobs')
          .select('id')
          .where((eb) =>
            eb.or([
              eb.and([eb('status', 'in', ['pending', 'failed']), eb('run_at', '<=', now)]),
              eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
            ]),
          )
          .orderBy('run_at')
          .limit(options.limit)
          .forUpdate()
          .skipLocked(),
      )
      .updateTable('jobs')
      .set(claim)
      .from('due')
      .whereRef('jobs.id', '=', 'due.id')
      .returningAll('jobs')
      .execute()
  }

  const candidates = await db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['pending', 'failed']), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
      ]),
    )
    .orderBy('run_at')
    .limit(options.limit)
    .execute()
  const claimed: JobRow[] = []
  for (const { id } of candidates) {
    const row = await db
      .updateTable('jobs')
      .set(claim)
      .where('id', '=', id)
      // Re-check "still due" in the same statement: another worker may have claimed it since the select.
      .where((eb) =>
        eb.or([
          eb.and([eb('status', 'in', ['pending', 'failed']), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
      )
      .returningAll()
      .executeTakeFirst()
    if (row) claimed.push(row)
  }

  return claimed
}
