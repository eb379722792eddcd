import { z } from 'zod'
import { pruneRateLimits } from '../http/rate-limit.ts'
import { defineJob } from '../jobs/job-definition.ts'
import { deleteExpiredSessions } from './session.repo.ts'

export const AUTH_CLEANUP_EVERY_MS = 60 * 60 * 1000

/**
 * Hourly: deletes expired sessions and finished rate-limit windows, which nothing
 * else removes (an IP seen once leaves a row). Safe to run twice.
 */
export const authCleanupJob = defineJob({
  type: 'auth.cleanup',
  payload: z.object({}),
  async run(deps) {
    const now = deps.clock.now()
    const sessions = await deleteExpiredSessions(deps.db, now.toISOString())
    const windows = await pruneRateLimits(deps, now.getTime())
    deps.logger.debug({ sessions, windows }, 'expired sessions and rate-limit windows deleted')
  },
})
