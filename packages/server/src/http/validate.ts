import type { z } from 'zod'
import { AppError } from '../lib/app-error.ts'

/** Parse request input with the schema that types it; failures become a 422 with the issues. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {})
  if (!result.success) {
    throw new AppError(
      'request.validation_failed',
      result.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
    )
  }

  return result.data
}
