import type { AgentView, ListAgentsQuery } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { listAgentRows, teamIdsByAgent } from './agent.repo.ts'
import { toAgentView } from './agent-view.ts'
import { decodeIdCursor, toPage } from './id-cursor.ts'

/** Agents of the account (partners: only those sharing a team with them); two queries per page. */
export async function listAgents(deps: Deps, principal: Principal, query: ListAgentsQuery): Promise<{ items: AgentView[]; nextCursor: string | null }> {
  const rows = await listAgentRows(deps.db, principal.accountId, {
    afterId: decodeIdCursor(query.cursor),
    limit: query.limit + 1,
    teamId: query.teamId,
    role: query.role,
    active: query.active,
    visibleTeamIds: principal.role === 'partner' ? principal.teamIds : undefined,
  })
  const teams = await teamIdsByAgent(deps.db, rows.slice(0, query.limit).map((r) => r.id))

  return toPage(rows, query.limit, (row) => toAgentView(row, teams.get(row.id) ?? []))
}
