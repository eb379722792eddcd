import type { Executor } from '../db/database.ts'
import type { AgentRow, AgentUpdate, NewAgentRow } from './agent.table.ts'

export async function findAgentById(db: Executor, accountId: string, id: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agents').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

export async function findAgentByEmail(db: Executor, accountId: string, email: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agents').selectAll().where('account_id', '=', accountId).where('email', '=', email).executeTakeFirst()
}

/**
 * Every agent with this email in any account: login knows only the email. Ordered so
 * that, should one address exist in several accounts, the choice is stable.
 */
export async function findAgentsByEmailAnyAccount(db: Executor, email: string): Promise<AgentRow[]> {
  return db.selectFrom('agents').selectAll().where('email', '=', email).orderBy('id').limit(10).execute()
}

export async function insertAgent(db: Executor, row: NewAgentRow): Promise<AgentRow> {
  return db.insertInto('agents').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function updateAgentRow(db: Executor, accountId: string, id: string, changes: AgentUpdate): Promise<AgentRow> {
  return db
    .updateTable('agents')
    .set(changes)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Team ids per agent for a whole page of agents in one query (no N+1). */
export async function teamIdsByAgent(db: Executor, agentIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(agentIds.map((id) => [id, []]))
  if (agentIds.length === 0) return map
  const rows = await db
    .selectFrom('agent_teams')
    .select(['agent_id', 'team_id'])
    .where('agent_id', 'in', agentIds)
    .orderBy('team_id')
    .execute()
  for (const row of rows) map.get(row.agent_id)?.push(row.team_id)

  return map
}

export async function replaceAgentTeams(db: Executor, accountId: string, agentId: string, teamIds: string[]): Promise<void> {
  await db.deleteFrom('agent_teams').where('account_id', '=', accountId).where('agent_id', '=', agentId).execute()
  if (teamIds.length === 0) return
  await db
    .insertInto('agent_teams')
    .values(teamIds.map((teamId) => ({ account_id: accountId, agent_id: agentId, team_id: teamId })))
    .execute()
}

export interface AgentFilter {
  afterId?: string
  limit: number
  teamId?: string
  role?: string
  active?: boolean
  /** Partners: only agents who share one of these teams. */
  visibleTeamIds?: string[]
}

export async function listAgentRows(db: Executor, accountId: string, filter: AgentFilter): Promise<AgentRow[]> {
  let query = db.selectFrom('agents').selectAll().where('account_id', '=', accountId)
  if (filter.afterId) query = query.where('id', '>', filter.afterId)
  if (filter.role) query = query.where('role', '=', filter.role)
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0)
  if (filter.teamId) {
    const teamId = filter.teamId
    query = query.where('id', 'in', (eb) => eb.selectFrom('agent_teams').select('agent_id').where('team_id', '=', teamId))
  }
  if (filter.visibleTeamIds) {
    const teamIds = filter.visibleTeamIds
    if (teamIds.length === 0) return []
    query = query.where('id', 'in', (eb) => eb.selectFrom('agent_teams').select('agent_id').where('team_id', 'in', teamIds))
  }

  return query.orderBy('id').limit(filter.limit).execute()
}

export async function countActiveAdmins(db: Executor, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow()

  return Number(row.n)
}
