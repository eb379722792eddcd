import type { Selectable } from 'kysely'

/** One row per agent-app socket that shows a ticket (see the presence migration). */
export interface PresenceTable {
  connection_id: string
  account_id: string
  agent_id: string
  agent_name: string
  ticket_id: string
  /** 1 while the agent has reply text in the composer. */
  replying: number
  expires_at: string
  updated_at: string
}
export type PresenceRow = Selectable<PresenceTable>
