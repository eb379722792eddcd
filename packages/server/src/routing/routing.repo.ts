import type { EscalationStep } from '@madoguchi/shared'
import type { Executor } from '../db/database.ts'
import { parseJson } from '../db/json.ts'
import type { RoutingCandidate } from './pick-agent.ts'
import type { TeamRoutingRow } from './routing.table.ts'

/** Statuses in which a ticket counts against its assignee's capacity. */
export const ACTIVE_STATUSES = ['new', 'open'] as const

export async function findTeamRouting(db: Executor, accountId: string, teamId: string, lock = false): Promise<TeamRoutingRow | undefined> {
  const q = db.selectFrom('team_routing').selectAll().where('account_id', '=', accountId).where('team_id', '=', teamId)

  return (lock ? q.forUpdate() : q).executeTakeFirst()
}

export function escalationStepsOf(row: TeamRoutingRow | undefined): EscalationStep[] {
  return parseJson<EscalationStep[]>(row?.escalation_steps, [])
}

export async function findCategoryTeam(db: Executor, accountId: string, category: string): Promise<string | undefined> {
  const row = await db.selectFrom('category_routes').select('team_id').where('account_id', '=', accountId).where('category', '=', category).executeTakeFirst()

  return row?.team_id
}

export async function setLastAgent(db: Executor, teamId: string, agentId: string): Promise<void> {
  await db.updateTable('team_routing').set({ last_agent_id: agentId }).where('team_id', '=', teamId).execute()
}

/**
 * Active, online members of a team with their load on one channel (open tickets
 * assigned to them there, in any team): ONE query whatever the team size, the
 * count answered by tickets_routing_load_idx. Reads the agents feature's tables
 * directly: routing is the hot path.
 */
export async function loadCandidates(db: Executor, accountId: string, teamId: string, channel: string, exceptAgentId?: string, minTier?: number): Promise<RoutingCandidate[]> {
  const loads = db
    .selectFrom('tickets')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('account_id', '=', accountId)
    .where('channel', '=', channel as never)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .where('assignee_id', 'is not', null)
    .groupBy('assignee_id')
  let q = db
    .selectFrom('agents')
    .innerJoin('agent_teams', 'agent_teams.agent_id', 'agents.id')
    .leftJoin(loads.as('l'), 'l.assignee_id', 'agents.id')
    .select(['agents.id', 'agents.languages', 'agents.skills', 'agents.capacity', 'l.n'])
    .where('agent_teams.team_id', '=', teamId)
    .where('agents.account_id', '=', accountId)
    .where('agents.active', '=', 1)
    .where('agents.presence', '=', 'online')
  if (exceptAgentId) q = q.where('agents.id', '!=', exceptAgentId)
  if (minTier !== undefined) q = q.where('agents.tier', '>=', minTier)
  const rows = await q.execute()

  return rows.map((a) => ({
    id: a.id,
    languages: parseJson<string[]>(a.languages, []),
    skills: parseJson<string[]>(a.skills, []),
    capacity: Number(a.capacity),
    load: Number(a.n ?? 0),
  }))
}

/** A ticket's customer language (read from the customers feature's table for the routing hot path). */
export async function customerLanguage(db: Executor, accountId: string, customerId: string): Promise<string | null> {
  const row = await db.selectFrom('customers').select('language').where('account_id', '=', accountId).where('id', '=', customerId).executeTakeFirst()

  return row?.language ?? null
}
