import type { MeView, Role } from '@madoguchi/shared'
import { findAccount } from '../accounts/account.repo.ts'
import { findAgentById, teamIdsByAgent } from '../agents/agent.repo.ts'
import type { AgentRow } from '../agents/agent.table.ts'
import type { Executor } from '../db/database.ts'
import { parseJson } from '../db/json.ts'
import { AppError } from '../lib/app-error.ts'

export function toMeView(agent: AgentRow, accountName: string, teamIds: string[], csrfToken?: string): MeView {
  return {
    id: agent.id,
    accountId: agent.account_id,
    accountName,
    email: agent.email,
    name: agent.name,
    role: agent.role as Role,
    locale: agent.locale === 'en' ? 'en' : 'ja',
    timeZone: agent.time_zone,
    teamIds,
    languages: parseJson<string[]>(agent.languages, []),
    skills: parseJson<string[]>(agent.skills, []),
    tier: agent.tier,
    ...(csrfToken ? { csrfToken } : {}),
  }
}

/** The signed-in agent with their account name and teams (usable inside a transaction). */
export async function loadMe(db: Executor, accountId: string, agentId: string, csrfToken?: string): Promise<MeView> {
  const agent = await findAgentById(db, accountId, agentId)
  const account = await findAccount(db, accountId)
  if (!agent || !account) throw new AppError('agent.not_found')
  const teams = await teamIdsByAgent(db, [agent.id])

  return toMeView(agent, account.name, teams.get(agent.id) ?? [], csrfToken)
}
