import type { AnyJobDefinition } from './job-definition.ts'
import { AUTH_CLEANUP_EVERY_MS, authCleanupJob } from '../auth/auth-cleanup.job.ts'
import { IDEMPOTENCY_CLEANUP_EVERY_MS, cleanupIdempotencyKeysJob } from '../http/idempotency-cleanup.job.ts'
import { PRUNE_JOBS_EVERY_MS, pruneFinishedJobsJob } from './prune-jobs.job.ts'
import { deliverMessageJob } from '../channels/message-deliver.job.ts'
import { PROCESS_PENDING_EVERY_MS, processPendingEmailsJob, sendAckJob } from '../channels/email/email.jobs.ts'
import { SLA_CHECK_EVERY_MS, slaCheckJob } from '../sla/sla-check.job.ts'
import { TIME_RULES_EVERY_MS, timeRulesJob } from '../automation/time-rules.job.ts'

/**
 * Every job type the runner knows, in one list (add yours here: one import + one
 * entry). A job row whose type is not listed goes to `dead` with a clear error.
 */
export const JOB_DEFINITIONS: readonly AnyJobDefinition[] = [
  cleanupIdempotencyKeysJob,
  authCleanupJob,
  pruneFinishedJobsJob,
  deliverMessageJob,
  sendAckJob,
  processPendingEmailsJob,
  slaCheckJob,
  timeRulesJob,
]

export interface RecurringJob {
  type: string
  /** Enqueued once per period of this length (aligned to the epoch), whichever node gets there first. */
  everyMs: number
  payload?: unknown
}

/** Jobs the runner enqueues by itself on a schedule (add yours here too). */
export const RECURRING_JOBS: readonly RecurringJob[] = [
  { type: cleanupIdempotencyKeysJob.type, everyMs: IDEMPOTENCY_CLEANUP_EVERY_MS },
  { type: authCleanupJob.type, everyMs: AUTH_CLEANUP_EVERY_MS },
  { type: pruneFinishedJobsJob.type, everyMs: PRUNE_JOBS_EVERY_MS },
  { type: processPendingEmailsJob.type, everyMs: PROCESS_PENDING_EVERY_MS },
  { type: slaCheckJob.type, everyMs: SLA_CHECK_EVERY_MS },
  { type: timeRulesJob.type, everyMs: TIME_RULES_EVERY_MS },
]

export type JobRegistry = ReadonlyMap<string, AnyJobDefinition>

export function buildJobRegistry(definitions: readonly AnyJobDefinition[] = JOB_DEFINITIONS): JobRegistry {
  const registry = new Map<string, AnyJobDefinition>()
  for (const definition of definitions) {
    if (registry.has(definition.type)) throw new Error(`Job type ${definition.type} is registered twice`)
    registry.set(definition.type, definition)
  }

  return registry
}
