import type { Generated, Selectable } from 'kysely'

export interface EscalationTable {
  id: string
  account_id: string
  ticket_id: string
  reason: string
  note: string | null
  amount: number | null
  from_team_id: string | null
  to_team_id: string | null
  to_tier: number | null
  to_supervisor: Generated<number>
  status: Generated<'open' | 'resolved'>
  escalated_by: string | null
  created_at: string
  /** A supervisor has taken it up (it stays in the open queue until resolved). */
  acknowledged_at: string | null
  acknowledged_by: string | null
  resolved_at: string | null
}
export type EscalationRow = Selectable<EscalationTable>

export interface TicketRestrictionTable {
  ticket_id: string
  account_id: string
  /** The only team (besides supervisors and admins) that may see the ticket */
  team_id: string | null
  reason: string
  created_at: string
}

export interface NotificationTable {
  id: string
  account_id: string
  agent_id: string | null
  team_id: string | null
  ticket_id: string | null
  kind: string
  /** JSON text */
  data: Generated<string>
  read_at: string | null
  created_at: string
}
export type NotificationRow = Selectable<NotificationTable>
