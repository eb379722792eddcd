import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface AccountTable {
  id: string
  name: string
  default_locale: Generated<string>
  time_zone: Generated<string>
  /** JSON text */
  settings: Generated<string>
  /** Next per-account ticket number; incremented inside the ticket-creating transaction. */
  next_ticket_number: Generated<number>
  /** Host name the public help center is served on for this account (lower case, no port). */
  help_center_host: string | null
  /** A fresh random value after every change to SLA policies, rules or calendars (accounts/account-config.ts). */
  config_version: Generated<string>
  created_at: string
}
export type AccountRow = Selectable<AccountTable>
export type NewAccountRow = Insertable<AccountTable>
export type AccountUpdate = Updateable<AccountTable>
