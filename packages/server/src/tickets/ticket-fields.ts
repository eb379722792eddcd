import type { CustomFieldValue } from '@madoguchi/shared'
import { TICKET_LIMITS } from '@madoguchi/shared'
import { AppError } from '../lib/app-error.ts'

export type CustomFields = Record<string, CustomFieldValue>

/** Stored fields never hold nulls: on create a null is just an absent field. */
export function withoutNulls(fields: CustomFields | undefined): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {}
  for (const [key, value] of Object.entries(fields ?? {})) if (value !== null) result[key] = value

  return result
}

export interface CustomFieldChange {
  key: string
  before: CustomFieldValue
  after: CustomFieldValue
}

/** Merges a patch into stored fields (`null` deletes); lists what actually changed. */
export function mergeCustomFields(current: CustomFields, patch: CustomFields): { merged: CustomFields; changes: CustomFieldChange[] } {
  const merged: CustomFields = { ...current }
  const changes: CustomFieldChange[] = []
  for (const [key, value] of Object.entries(patch)) {
    const before = Object.hasOwn(current, key) ? current[key]! : null
    if (before === value) continue
    if (value === null) delete merged[key]
    else merged[key] = value
    changes.push({ key, before, after: value })
  }
  if (Object.keys(merged).length > TICKET_LIMITS.customFields) {
    throw new AppError('request.validation_failed', [
      { path: 'customFields', code: 'too_big', message: `at most ${TICKET_LIMITS.customFields} fields per ticket` },
    ])
  }

  return { merged, changes }
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i])
}
