import type { CreateAgentInput, CreatedAgentView } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import { generatePassword, hashPassword } from '../auth/password.ts'
import { toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { newId } from '../lib/ids.ts'
import { findAgentByEmail, insertAgent, replaceAgentTeams } from './agent.repo.ts'
import { toAgentView } from './agent-view.ts'
import { checkTeamIds } from './check-team-ids.ts'
import { isUniqueViolation } from './unique-violation.ts'

export interface AdminActor {
  accountId: string
  /** Null when the system acts (CLI, first start). */
  agentId: string | null
  ip?: string | null
}

/**
 * Invites an agent. Without a password, a temporary one is generated and returned
 * this once (the admin passes it on; the agent changes it under "my profile").
 */
export async function createAgent(deps: Deps, actor: AdminActor, input: CreateAgentInput): Promise<CreatedAgentView> {
  const temporaryPassword = input.password === undefined ? generatePassword() : undefined
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!)
  const at = deps.clock.now().toISOString()
  try {
    const agent = await deps.transact(async (trx) => {
      if (await findAgentByEmail(trx, actor.accountId, input.email)) throw new AppError('agent.email_taken')
      const teamIds = await checkTeamIds(trx, actor.accountId, input.teamIds)
      const row = await insertAgent(trx, {
        id: newId(),
        account_id: actor.accountId,
        email: input.email,
        name: input.name,
        role: input.role,
        password_hash: passwordHash,
        tier: input.tier,
        skills: toJson(input.skills),
        languages: toJson(input.languages),
        capacity: input.capacity,
        time_zone: input.timeZone,
        locale: input.locale,
        created_at: at,
        updated_at: at,
      })
      await replaceAgentTeams(trx, actor.accountId, row.id, teamIds)
      await recordAudit(trx, {
        accountId: actor.accountId,
        actorId: actor.agentId,
        action: 'agent.created',
        targetType: 'agent',
        targetId: row.id,
        details: { email: row.email, name: row.name, role: row.role, teamIds, passwordGenerated: temporaryPassword !== undefined },
        ip: actor.ip ?? null,
        at,
      })

      return toAgentView(row, teamIds)
    })

    return temporaryPassword === undefined ? { agent } : { agent, temporaryPassword }
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('agent.email_taken')
    throw error
  }
}
