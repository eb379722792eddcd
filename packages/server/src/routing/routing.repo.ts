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
 * Active, online members of a team with their load on one channel: two queries
 * whatever the team size (members, then one grouped count of their open tickets).
 * Reads the agents feature's tables directly: routing is the hot path.
 */
export async function loadCandidates(db: Executor, accountId: string, teamId: string, channel: string, exceptAgentId?: string, minTier?: number): Promise<RoutingCandidate[]> {
  let q = db
    .selectFrom('agents')
    .innerJoin('agent_teams', 'agent_teams.agent_id', 'agents.id')
    .select(['agents.id', 'agents.languages', 'agents.skills', 'agents.capacity'])
    .where('agent_teams.team_id', '=', teamId)
    .where('agents.account_id', '=', accountId)
    .where('agents.active', '=', 1)
    .where('agents.presence', '=', 'online')
  if (exceptAgentId) q = q.where('agents.id', '!=', exceptAgentId)
  if (minTier !== undefined) q = q.where('agents.tier', '>=', minTier)
  const agents = await q.execute()
  if (agents.length === 0) return []
  const loads = await db
    .selectFrom('tickets')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('account_id', '=', accountId)
    .where('assignee_id', 'in', agents.map((a) => a.id))
    .where('channel', '=', channel as never)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .groupBy('assignee_id')
    .execute()
  const loadOf = new Map(loads.map((l) => [l.assignee_id, Number(l.n)]))

  return agents.map((a) => ({
    id: a.id,
    languages: parseJson<string[]>(a.languages, []),
    skills: parseJson<string[]>(a.skills, []),
    capacity: Number(a.capacity),
    load: loadOf.get(a.id) ?? 0,
  }))
}

/** A ticket's customer language (read from the customers feature's table for the routing hot path). */
export async function customerLanguage(db: Executor, accountId: string, customerId: string): Promise<string | null> {
  const row = await db.selectFrom('customers').select('language').where('account_id', '=', accountId).where('id', '=', customerId).executeTakeFirst()

  return row?.language ?? null
}
