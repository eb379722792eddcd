import type { AnyJobDefinition } from './job-definition.ts'
import { cleanupIdempotencyKeysJob } from '../http/idempotency-cleanup.job.ts'

/**
 * Every job type the runner knows, in one list (add yours here: one import + one
 * entry). A job row whose type is not listed goes to `dead` with a clear error.
 */
export const JOB_DEFINITIONS: readonly AnyJobDefinition[] = [
  cleanupIdempotencyKeysJob,
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
