import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface AgentTable {
  id: string
  account_id: string
  email: string
  name: string
  role: string
  password_hash: string | null
  tier: Generated<number>
  /** JSON array text */
  skills: Generated<string>
  /** JSON array text of language codes */
  languages: Generated<string>
  capacity: Generated<number>
  time_zone: Generated<string>
  locale: Generated<string>
  presence: Generated<string>
  /** 0/1 */
  active: Generated<number>
  created_at: string
  updated_at: string
}
export type AgentRow = Selectable<AgentTable>
export type NewAgentRow = Insertable<AgentTable>
export type AgentUpdate = Updateable<AgentTable>

export interface TeamTable {
  id: string
  account_id: string
  name: string
  description: string | null
  is_partner: Generated<number>
  created_at: string
}
export type TeamRow = Selectable<TeamTable>
export type NewTeamRow = Insertable<TeamTable>

export interface AgentTeamTable {
  account_id: string
  agent_id: string
  team_id: string
}
