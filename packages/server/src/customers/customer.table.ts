import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { ContactKind } from '@madoguchi/shared'

export interface CustomerTable {
  id: string
  account_id: string
  crn: string
  display_name: string
  family_name: string | null
  given_name: string | null
  family_name_kana: string | null
  given_name_kana: string | null
  /** How the customer wants to be addressed, e.g. 「山田様」 or "Dr. Smith". */
  preferred_name: string | null
  honorific: string | null
  organization: string | null
  language: string | null
  /** YYYY-MM-DD */
  birthday: string | null
  anniversary: string | null
  is_internal: Generated<number>
  is_vip: Generated<number>
  vip_reason: string | null
  handle_with_care: Generated<number>
  care_reason: string | null
  marketing_consent: Generated<number>
  marketing_consent_at: string | null
  /** Minor units of `currency` (yen have none). */
  lifetime_value: Generated<number>
  currency: Generated<string>
  notes: string | null
  /** Set when this customer was merged into another; its CRN keeps resolving there. */
  merged_into_id: string | null
  created_at: string
  updated_at: string
}
export type CustomerRow = Selectable<CustomerTable>
export type NewCustomerRow = Insertable<CustomerTable>
export type CustomerUpdate = Updateable<CustomerTable>

export type { ContactKind }

export interface CustomerContactTable {
  id: string
  account_id: string
  customer_id: string
  kind: ContactKind
  /** Normalized: lower-cased email, E.164 phone, provider id as given. */
  value: string
  label: string | null
  is_primary: Generated<number>
  verified_at: string | null
  bouncing_at: string | null
  bounce_reason: string | null
  created_at: string
}
export type CustomerContactRow = Selectable<CustomerContactTable>
export type NewCustomerContactRow = Insertable<CustomerContactTable>
