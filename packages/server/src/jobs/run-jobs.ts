import os from 'node:os'
import type { Deps } from '../deps.ts'
import { randomToken } from '../lib/hash.ts'
import { retryDelayMs } from './backoff.ts'
import { claimDueJobs } from './claim-job.ts'
import { enqueueJob } from './enqueue.ts'
import { markJobDone, markJobFailed } from './job.repo.ts'
import type { JobRow } from './job.table.ts'
import type { JobRegistry, RecurringJob } from './registry.ts'
import { RECURRING_JOBS, buildJobRegistry } from './registry.ts'

export type JobOutcome = 'done' | 'retry' | 'dead'

/** Told about every finished attempt (metrics/jobs-metrics.ts counts them). */
export interface JobObserver {
  jobFinished(type: string, outcome: JobOutcome, seconds: number): void
}

export interface JobRunnerOptions {
  registry?: JobRegistry
  workerId?: string
  /** Jobs run at the same time by this process. */
  concurrency?: number
  /** Sleep between polls when nothing was due. */
  pollIntervalMs?: number
  /** A claim lasts this long; a run taking longer counts as a failed attempt. */
  leaseMs?: number
  recurring?: readonly RecurringJob[]
  observer?: JobObserver
  random?: () => number
}

interface Resolved extends Required<Omit<JobRunnerOptions, 'observer'>> {
  observer?: JobObserver
}

function resolve(options: JobRunnerOptions): Resolved {
  return {
    registry: options.registry ?? buildJobRegistry(),
    workerId: options.workerId ?? `${os.hostname()}:${process.pid}:${randomToken(3)}`,
    concurrency: options.concurrency ?? 4,
    pollIntervalMs: options.pollIntervalMs ?? 1_000,
    leaseMs: options.leaseMs ?? 5 * 60_000,
    recurring: options.recurring ?? RECURRING_JOBS,
    observer: options.observer,
    random: options.random ?? Math.random,
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms (lease length)`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function runOne(deps: Deps, job: JobRow, o: Resolved): Promise<JobOutcome> {
  const now = () => deps.clock.now().toISOString()
  const dead = async (error: string): Promise<JobOutcome> => {
    await markJobFailed(deps.db, job, error, null, now())
    deps.logger.error({ jobId: job.id, type: job.type, error }, 'job is dead')

    return 'dead'
  }
  // Claimed again after its worker vanished once too often: stop, do not loop forever.
  if (job.attempts > job.max_attempts) return dead(`lease expired ${job.attempts - 1} times without the job finishing (worker crashed or hung)`)
  const definition = o.registry.get(job.type)
  if (!definition) return dead(`Unknown job type "${job.type}": no definition is registered in jobs/registry.ts`)
  let rawPayload: unknown
  try {
    rawPayload = JSON.parse(job.payload)
  } catch {
    return dead('Payload is not valid JSON')
  }
  const parsed = definition.payload.safeParse(rawPayload)
  if (!parsed.success) return dead(`Invalid payload for ${job.type}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)

  try {
    const context = { jobId: job.id, accountId: job.account_id, attempt: job.attempts, maxAttempts: job.max_attempts }
    await withTimeout(definition.run(deps, parsed.data, context), o.leaseMs)
    await markJobDone(deps.db, job, now())

    return 'done'
  } catch (error) {
    const message = describeError(error)
    if (job.attempts >= job.max_attempts) return dead(message)
    const retryAt = new Date(deps.clock.now().getTime() + retryDelayMs(job.attempts, o.random)).toISOString()
    await markJobFailed(deps.db, job, message, retryAt, now())
    deps.logger.warn({ jobId: job.id, type: job.type, attempt: job.attempts, retryAt, error: message }, 'job failed, will retry')

    return 'retry'
  }
}

/** Enqueues each recurring job once per period (the dedupe key is the period's number). */
export async function scheduleRecurringJobs(deps: Deps, recurring: readonly RecurringJob[]): Promise<void> {
  const now = deps.clock.now()
  for (const job of recurring) {
    const period = Math.floor(now.getTime() / job.everyMs)
    await enqueueJob(deps.db, job.type, job.payload ?? {}, {
      dedupeKey: `every:${job.everyMs}:${period}`,
      runAt: new Date(period * job.everyMs).toISOString(),
      maxAttempts: 3,
      now,
    })
  }
}

/** One round: claims up to `concurrency` due jobs, runs them, returns how many ran. */
export async function runDueJobs(deps: Deps, options: JobRunnerOptions = {}): Promise<number> {
  const o = resolve(options)

  return runRound(deps, o)
}

async function runRound(deps: Deps, o: Resolved): Promise<number> {
  const jobs = await claimDueJobs(deps.db, deps.dialect, {
    workerId: o.workerId,
    limit: o.concurrency,
    leaseMs: o.leaseMs,
    now: deps.clock.now(),
  })
  await Promise.all(
    jobs.map(async (job) => {
      const started = performance.now()
      const outcome = await runOne(deps, job, o).catch((error: unknown) => {
        // Only bookkeeping failed (database gone); the lease will hand the job out again.
        deps.logger.error({ jobId: job.id, err: error }, 'could not record job outcome')

        return 'retry' as const
      })
      o.observer?.jobFinished(job.type, outcome, (performance.now() - started) / 1000)
    }),
  )

  return jobs.length
}

export interface JobRunner {
  workerId: string
  /** Stops polling and waits for the jobs in flight to finish. */
  stop(): Promise<void>
}

/** Polls for due jobs until stopped: in `madoguchi start` (same process) or `madoguchi worker`. */
export function startJobRunner(deps: Deps, options: JobRunnerOptions = {}): JobRunner {
  const o = resolve(options)
  let stopping = false
  let wake: (() => void) | undefined
  let lastScheduled = 0
  // Often enough that no period of the shortest recurring job is skipped.
  const scheduleEveryMs = Math.min(30_000, ...o.recurring.map((r) => r.everyMs / 2))
  const sleep = (ms: number) =>
    new Promise<void>((done) => {
      const timer = setTimeout(done, ms)
      wake = () => {
        clearTimeout(timer)
        done()
      }
    })

  const loop = (async () => {
    while (!stopping) {
      let ran = 0
      try {
        if (Date.now() - lastScheduled >= scheduleEveryMs) {
          await scheduleRecurringJobs(deps, o.recurring)
          lastScheduled = Date.now()
        }
        ran = await runRound(deps, o)
      } catch (error) {
        deps.logger.error({ err: error }, 'job runner round failed; retrying after the poll interval')
      }
      if (ran === 0 && !stopping) await sleep(o.pollIntervalMs)
    }
  })()

  return {
    workerId: o.workerId,
    async stop() {
      stopping = true
      wake?.()
      await loop
    },
  }
}
