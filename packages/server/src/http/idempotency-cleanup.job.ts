import { z } from 'zod'
import { defineJob } from '../jobs/job-definition.ts'

/** Stored answers are replayable for this long; after that the key may be reused. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000

export const IDEMPOTENCY_CLEANUP_EVERY_MS = 60 * 60 * 1000

/** Deletes idempotency keys older than 24 h (hourly, see RECURRING_JOBS in jobs/registry.ts). */
export const cleanupIdempotencyKeysJob = defineJob({
  type: 'idempotency.cleanup',
  payload: z.object({}),
  async run(deps) {
    const cutoff = new Date(deps.clock.now().getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString()
    const result = await deps.db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst()
    deps.logger.debug({ deleted: Number(result.numDeletedRows) }, 'expired idempotency keys deleted')
  },
})
