import type { AgentView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import { findAgentById, teamIdsByAgent } from './agent.repo.ts'
import { toAgentView } from './agent-view.ts'

/** One agent; a partner sees only agents who share one of their teams (others are 404). */
export async function getAgent(deps: Deps, principal: Principal, agentId: string): Promise<AgentView> {
  if (!isId(agentId)) throw new AppError('agent.not_found')
  const row = await findAgentById(deps.db, principal.accountId, agentId)
  if (!row) throw new AppError('agent.not_found')
  const teamIds = (await teamIdsByAgent(deps.db, [row.id])).get(row.id) ?? []
  if (principal.role === 'partner' && !teamIds.some((id) => principal.teamIds.includes(id))) throw new AppError('agent.not_found')

  return toAgentView(row, teamIds)
}
