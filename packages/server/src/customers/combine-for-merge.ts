import { LIFETIME_VALUE_MAX } from '@madoguchi/shared'
import type { CustomerField } from './customer-fields.ts'
import { FIELD_COLUMNS } from './customer-fields.ts'
import type { CustomerRow, CustomerUpdate } from './customer.table.ts'

const FILL_IF_EMPTY = [
  'familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'preferredName', 'honorific', 'organization', 'language',
  'birthday', 'anniversary',
] as const satisfies readonly CustomerField[]

export interface MergedValues {
  /** Changed columns of the survivor, with their new values. */
  changes: CustomerUpdate
  /** The same changes in API terms, for the event log. */
  fields: { field: CustomerField; before: string | number | null; after: string | number | null }[]
}

/**
 * What the survivor of a merge looks like, losing nothing the two records knew:
 * its own values win, empty fields are filled from the other; VIP, "handle with care"
 * and internal are OR'ed and their reasons kept side by side; notes are appended;
 * lifetime values are summed (same currency; otherwise the other's value is noted).
 * Marketing consent follows the most recent decision of the two (a customer who
 * withdrew consent on one record must not be mailed because of an older "yes").
 */
export function combineForMerge(survivor: CustomerRow, loser: CustomerRow): MergedValues {
  const next: Record<string, string | number | null> = {}
  const set = (field: CustomerField, value: string | number | null) => {
    next[FIELD_COLUMNS[field]] = value
  }

  for (const field of FILL_IF_EMPTY) {
    const column = FIELD_COLUMNS[field]
    if (!survivor[column] && loser[column]) set(field, loser[column])
  }
  for (const field of ['isInternal', 'isVip', 'handleWithCare'] as const) {
    const column = FIELD_COLUMNS[field]
    if (survivor[column] !== 1 && loser[column] === 1) set(field, 1)
  }
  set('vipReason', joinDistinct([survivor.vip_reason, loser.vip_reason], ' / '))
  set('careReason', joinDistinct([survivor.care_reason, loser.care_reason], ' / '))

  const notes = [survivor.notes]
  if (survivor.currency === loser.currency) {
    set('lifetimeValue', Math.min(LIFETIME_VALUE_MAX, Number(survivor.lifetime_value) + Number(loser.lifetime_value)))
  } else if (Number(loser.lifetime_value) > 0) {
    notes.push(`Lifetime value of ${loser.crn}: ${loser.lifetime_value} ${loser.currency}`)
  }
  notes.push(loser.notes)
  set('notes', joinDistinct(notes, '\n\n'))

  const consent = latestConsent(survivor, loser)
  if (consent.value !== survivor.marketing_consent) {
    set('marketingConsent', consent.value)
    next.marketing_consent_at = consent.at
  }

  const changes: Record<string, string | number | null> = {}
  const fields: MergedValues['fields'] = []
  for (const [field, column] of Object.entries(FIELD_COLUMNS) as [CustomerField, keyof CustomerRow][]) {
    if (!(column in next) || next[column] === survivor[column] || (field === 'lifetimeValue' && next[column] === Number(survivor[column]))) continue
    changes[column] = next[column]!
    fields.push({ field, before: survivor[column], after: next[column]! })
  }
  if ('marketing_consent_at' in next && 'marketing_consent' in changes) changes.marketing_consent_at = next.marketing_consent_at!

  return { changes: changes as CustomerUpdate, fields }
}

function joinDistinct(values: (string | null)[], separator: string): string | null {
  const kept = [...new Set(values.map((v) => v?.trim()).filter((v): v is string => !!v))]

  return kept.length > 0 ? kept.join(separator) : null
}

function latestConsent(a: CustomerRow, b: CustomerRow): { value: number; at: string | null } {
  if (a.marketing_consent_at && b.marketing_consent_at) {
    return b.marketing_consent_at > a.marketing_consent_at
      ? { value: b.marketing_consent, at: b.marketing_consent_at }
      : { value: a.marketing_consent, at: a.marketing_consent_at }
  }
  if (b.marketing_consent_at) return { value: b.marketing_consent, at: b.marketing_consent_at }
  if (a.marketing_consent_at) return { value: a.marketing_consent, at: a.marketing_consent_at }

  return { value: a.marketing_consent === 1 || b.marketing_consent === 1 ? 1 : 0, at: null }
}
