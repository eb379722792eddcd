import type { Executor } from '../db/database.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'

/**
 * Checks the agents and teams a ticket points at. These are reads of the agents
 * feature's tables, kept to two one-row lookups by primary key so the ticket hot
 * path stays short.
 */
export async function assertAssignableAgent(db: Executor, accountId: string, agentId: string): Promise<void> {
  const found = isId(agentId)
    ? await db.selectFrom('agents').select('id').where('id', '=', agentId).where('account_id', '=', accountId).where('active', '=', 1).executeTakeFirst()
    : undefined
  if (!found) throw new AppError('ticket.assignee_not_found', { assigneeId: agentId })
}

export async function assertTeamExists(db: Executor, accountId: string, teamId: string): Promise<void> {
  const found = isId(teamId)
    ? await db.selectFrom('teams').select('id').where('id', '=', teamId).where('account_id', '=', accountId).executeTakeFirst()
    : undefined
  if (!found) throw new AppError('ticket.team_not_found', { teamId })
}
