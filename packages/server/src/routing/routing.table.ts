import type { Generated, Selectable } from 'kysely'

export interface TeamRoutingTable {
  team_id: string
  account_id: string
  mode: Generated<'round_robin' | 'least_busy'>
  auto_assign: Generated<number>
  respect_capacity: Generated<number>
  /** JSON text: `[{ teamId, tier? }]`, the escalation path out of this team */
  escalation_steps: Generated<string>
  /** Round robin: the agent who got the previous ticket */
  last_agent_id: string | null
  updated_at: string
}
export type TeamRoutingRow = Selectable<TeamRoutingTable>

export interface CategoryRouteTable {
  account_id: string
  category: string
  team_id: string
}
