import type { AgentView, Role } from '@madoguchi/shared'
import { parseJson } from '../db/json.ts'
import type { AgentRow } from './agent.table.ts'

/** The one place an agent row becomes its API shape (never the password hash). */
export function toAgentView(row: AgentRow, teamIds: string[]): AgentView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    teamIds,
    languages: parseJson<string[]>(row.languages, []),
    skills: parseJson<string[]>(row.skills, []),
    tier: row.tier,
    capacity: row.capacity,
    timeZone: row.time_zone,
    locale: row.locale === 'en' ? 'en' : 'ja',
    presence: row.presence,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
