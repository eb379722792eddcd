import { z } from 'zod'
import { defineJob } from './job-definition.ts'

export const PRUNE_JOBS_EVERY_MS = 60 * 60 * 1000
/** Finished jobs stay visible this long; dead jobs stay until an admin retries or they age out. */
export const KEEP_DONE_JOBS_MS = 7 * 24 * 60 * 60 * 1000
export const KEEP_DEAD_JOBS_MS = 30 * 24 * 60 * 60 * 1000

/** Keeps the jobs table small: recurring jobs alone add a row per period. */
export const pruneFinishedJobsJob = defineJob({
  type: 'jobs.prune',
  payload: z.object({}),
  async run(deps) {
    const now = deps.clock.now().getTime()
    await deps.db
      .deleteFrom('jobs')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'done'), eb('updated_at', '<', new Date(now - KEEP_DONE_JOBS_MS).toISOString())]),
          eb.and([eb('status', '=', 'dead'), eb('updated_at', '<', new Date(now - KEEP_DEAD_JOBS_MS).toISOString())]),
        ]),
      )
      .execute()
  },
})
