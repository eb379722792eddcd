import type { CustomerContactView, CustomerSummary, CustomerView } from '@madoguchi/shared'
import { bool } from '../db/json.ts'
import type { CustomerContactRow, CustomerRow } from './customer.table.ts'

export type { CustomerContactView, CustomerSummary, CustomerView }

/** The one place where customer rows become API views (snake_case never leaves). */
export function toCustomerView(row: CustomerRow, contacts: readonly CustomerContactRow[]): CustomerView {
  return {
    id: row.id,
    crn: row.crn,
    displayName: row.display_name,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    preferredName: row.preferred_name,
    honorific: row.honorific,
    organization: row.organization,
    language: row.language,
    birthday: row.birthday,
    anniversary: row.anniversary,
    isInternal: bool(row.is_internal),
    isVip: bool(row.is_vip),
    vipReason: row.vip_reason,
    handleWithCare: bool(row.handle_with_care),
    careReason: row.care_reason,
    marketingConsent: bool(row.marketing_consent),
    // PostgreSQL returns bigint-ish integers as numbers here (integer column), SQLite as numbers.
    lifetimeValue: Number(row.lifetime_value),
    currency: row.currency,
    notes: row.notes,
    contacts: contacts.filter((c) => c.customer_id === row.id).map(toContactView),
    mergedIntoId: row.merged_into_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function toContactView(row: CustomerContactRow): CustomerContactView {
  return {
    id: row.id,
    kind: row.kind,
    value: row.value,
    label: row.label,
    isPrimary: bool(row.is_primary),
    verifiedAt: row.verified_at,
    bouncingAt: row.bouncing_at,
  }
}

export function toCustomerSummary(row: Pick<CustomerRow, 'id' | 'crn' | 'display_name' | 'is_vip' | 'handle_with_care'>): CustomerSummary {
  return {
    id: row.id,
    crn: row.crn,
    displayName: row.display_name,
    isVip: bool(row.is_vip),
    handleWithCare: bool(row.handle_with_care),
  }
}
