import type { z } from 'zod'
import type { Deps } from '../deps.ts'

/** What a running job knows about itself besides its payload. */
export interface JobContext {
  jobId: string
  accountId: string | null
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number
  maxAttempts: number
}

/**
 * A kind of background work, as a typed value (Documenso's job definitions):
 * a dotted `type` (`mail.send_reply`), the zod schema of its payload, and `run`.
 * The runner validates the stored payload with `payload` before calling `run`;
 * a payload that does not parse sends the job to `dead` (retrying cannot fix it).
 * `run` throws to fail the attempt (retried with backoff); it must be safe to run
 * twice for the same payload, because a crash after the work but before the
 * runner records success runs it again.
 */
export interface JobDefinition<P = unknown> {
  type: string
  payload: z.ZodType<P>
  run(deps: Deps, payload: P, context: JobContext): Promise<void>
}

/**
 * Any definition, as the registry and the runner hold them. Assignable from every
 * `JobDefinition<P>` because `run` is a method (bivariant parameters); safe because
 * the runner only passes what `payload` parsed.
 */
export type AnyJobDefinition = JobDefinition<unknown>

/** Identity helper that infers the payload type from the schema: `defineJob({ type, payload, run })`. */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition
}
