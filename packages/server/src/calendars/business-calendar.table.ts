import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface BusinessCalendarTable {
  id: string
  account_id: string
  name: string
  time_zone: string
  /** JSON text: `{ mon: [{ start: '09:00', end: '18:00' }], … }` */
  weekly_hours: string
  use_national_holidays: Generated<number>
  /** JSON text: `[{ from, to, name? }]` */
  closures: Generated<string>
  /** JSON text: `[{ date, hours?, name? }]` */
  open_days: Generated<string>
  is_default: Generated<number>
  created_at: string
  updated_at: string
}
export type BusinessCalendarRow = Selectable<BusinessCalendarTable>
export type NewBusinessCalendarRow = Insertable<BusinessCalendarTable>
export type BusinessCalendarUpdate = Updateable<BusinessCalendarTable>
