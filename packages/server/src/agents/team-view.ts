import type { TeamView } from '@madoguchi/shared'
import type { TeamRow } from './agent.table.ts'

export function toTeamView(row: TeamRow): TeamView {
  return { id: row.id, name: row.name, description: row.description, isPartner: row.is_partner === 1, createdAt: row.created_at }
}
