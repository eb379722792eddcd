import type { Generated, Insertable, Selectable } from 'kysely'

/** Every change to a ticket or customer: who, what, before → after, when. */
export interface EventTable {
  id: string
  account_id: string
  subject_type: 'ticket' | 'customer'
  subject_id: string
  type: string
  actor_kind: 'agent' | 'customer' | 'system' | 'bot'
  actor_id: string | null
  field: string | null
  /** JSON text */
  before: string | null
  /** JSON text */
  after: string | null
  created_at: string
}
export type EventRow = Selectable<EventTable>
export type NewEventRow = Insertable<EventTable>

/** Administrative actions (agents, teams, tokens, settings, logins). */
export interface AuditLogTable {
  id: string
  account_id: string
  actor_id: string | null
  action: string
  target_type: string | null
  target_id: string | null
  details: Generated<string>
  ip: string | null
  created_at: string
}
export type AuditLogRow = Selectable<AuditLogTable>
