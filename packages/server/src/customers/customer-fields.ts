import type { UpdateCustomerInput } from '@madoguchi/shared'
import type { CustomerRow, CustomerUpdate } from './customer.table.ts'

/** API field → column, for the profile fields a create or a PATCH may set. */
export const FIELD_COLUMNS = {
  displayName: 'display_name',
  familyName: 'family_name',
  givenName: 'given_name',
  familyNameKana: 'family_name_kana',
  givenNameKana: 'given_name_kana',
  preferredName: 'preferred_name',
  honorific: 'honorific',
  organization: 'organization',
  language: 'language',
  birthday: 'birthday',
  anniversary: 'anniversary',
  isInternal: 'is_internal',
  isVip: 'is_vip',
  vipReason: 'vip_reason',
  handleWithCare: 'handle_with_care',
  careReason: 'care_reason',
  marketingConsent: 'marketing_consent',
  lifetimeValue: 'lifetime_value',
  currency: 'currency',
  notes: 'notes',
} as const satisfies Record<keyof UpdateCustomerInput, keyof CustomerRow>

export type CustomerField = keyof typeof FIELD_COLUMNS
export const BOOLEAN_FIELDS = new Set<CustomerField>(['isInternal', 'isVip', 'handleWithCare', 'marketingConsent'])

type ColumnValue = string | number | null

/** API value → column value: booleans as 0/1, blank text as null. */
export function toColumnValue(field: CustomerField, value: unknown): ColumnValue {
  if (BOOLEAN_FIELDS.has(field)) return value ? 1 : 0
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number') return value

  return null
}

/** Column value → API value, for event before/after in API terms. */
export function toApiValue(field: CustomerField, value: unknown): unknown {
  if (BOOLEAN_FIELDS.has(field)) return value === 1 || value === true
  if (field === 'lifetimeValue') return Number(value)

  return value ?? null
}

const FAMILY_NAME_FIRST = /^(?:ja|zh|ko)\b/i
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/**
 * Display name when none was given: the full name in the order its language writes it
 * (山田 太郎, John Smith), else the organization, else a contact.
 */
export function deriveDisplayName(
  names: { familyName?: string | null; givenName?: string | null; organization?: string | null; language?: string | null },
  fallback: string | undefined,
): string | undefined {
  const familyFirst = FAMILY_NAME_FIRST.test(names.language ?? '') || CJK.test(`${names.familyName ?? ''}${names.givenName ?? ''}`)
  const parts = familyFirst ? [names.familyName, names.givenName] : [names.givenName, names.familyName]
  const full = parts.filter((n) => n && n.trim() !== '').join(' ')

  return full || names.organization || fallback || undefined
}

export type { CustomerUpdate }
