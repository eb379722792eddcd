import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface SlaPolicyTable {
  id: string
  account_id: string
  name: string
  /** null: the account's default calendar (or round the clock when it has none) */
  calendar_id: string | null
  /** JSON text: `{ priorities?, vip?, channels?, categories? }` */
  conditions: Generated<string>
  first_response_minutes: number | null
  next_response_minutes: number | null
  resolution_minutes: number | null
  warning_percent: Generated<number>
  /** 0/1: does on_hold pause the clocks (pending always does) */
  pause_on_hold: Generated<number>
  position: Generated<number>
  active: Generated<number>
  created_at: string
  updated_at: string
}
export type SlaPolicyRow = Selectable<SlaPolicyTable>
export type NewSlaPolicyRow = Insertable<SlaPolicyTable>
export type SlaPolicyUpdate = Updateable<SlaPolicyTable>

export type SlaMetricName = 'first_response' | 'next_response' | 'resolution'

export interface TicketSlaTable {
  id: string
  account_id: string
  ticket_id: string
  policy_id: string
  metric: SlaMetricName
  target_minutes: number
  started_at: string
  /** JSON text: `[{ from, to }]`, `to` null while paused */
  pauses: Generated<string>
  paused_since: string | null
  /** null while paused or achieved */
  due_at: string | null
  warning_at: string | null
  warned_at: string | null
  breached_at: string | null
  achieved_at: string | null
  updated_at: string
}
export type TicketSlaRow = Selectable<TicketSlaTable>
export type NewTicketSlaRow = Insertable<TicketSlaTable>
export type TicketSlaUpdate = Updateable<TicketSlaTable>
