import type { AgentView, UpdateAgentInput } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AuditInput } from '../audit/record-audit.ts'
import { hashPassword } from '../auth/password.ts'
import { deleteSessionsOfAgent } from '../auth/session.repo.ts'
import { parseJson, toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import { findAgentByEmail, findAgentById, replaceAgentTeams, teamIdsByAgent, updateAgentRow } from './agent.repo.ts'
import type { AgentRow, AgentUpdate } from './agent.table.ts'
import { toAgentView } from './agent-view.ts'
import { checkTeamIds } from './check-team-ids.ts'
import { isUniqueViolation } from './unique-violation.ts'

type Change = { from: unknown; to: unknown }

/** Column changes and their before → after, for the audit log (never the password). */
function diff(row: AgentRow, input: UpdateAgentInput): { update: AgentUpdate; changes: Record<string, Change> } {
  const update: AgentUpdate = {}
  const changes: Record<string, Change> = {}
  const scalar = <K extends 'email' | 'name' | 'role' | 'tier' | 'capacity' | 'time_zone' | 'locale'>(key: string, column: K, value: AgentRow[K] | undefined) => {
    if (value === undefined || value === row[column]) return
    update[column] = value
    changes[key] = { from: row[column], to: value }
  }
  scalar('email', 'email', input.email)
  scalar('name', 'name', input.name)
  scalar('role', 'role', input.role)
  scalar('tier', 'tier', input.tier)
  scalar('capacity', 'capacity', input.capacity)
  scalar('timeZone', 'time_zone', input.timeZone)
  scalar('locale', 'locale', input.locale)
  for (const [key, column] of [['skills', 'skills'], ['languages', 'languages']] as const) {
    const value = input[key]
    const before = parseJson<string[]>(row[column], [])
    if (value === undefined || JSON.stringify(value) === JSON.stringify(before)) continue
    update[column] = toJson(value)
    changes[key] = { from: before, to: value }
  }
  if (input.active !== undefined && (input.active ? 1 : 0) !== row.active) {
    update.active = input.active ? 1 : 0
    changes.active = { from: row.active === 1, to: input.active }
  }

  return { update, changes }
}

/**
 * Admin edit of an agent: profile, role, teams, activation, password reset. An admin
 * cannot deactivate or demote themselves, so an account always keeps an admin.
 * Deactivation and password resets end the agent's sessions at once.
 */
export async function updateAgent(deps: Deps, actor: Principal, agentId: string, input: UpdateAgentInput, ip: string | null): Promise<AgentView> {
  if (agentId === actor.agentId && (input.active === false || (input.role !== undefined && input.role !== 'admin'))) {
    throw new AppError('agent.cannot_deactivate_self')
  }
  if (!isId(agentId)) throw new AppError('agent.not_found')
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password)
  const at = deps.clock.now().toISOString()
  const audit = (action: string, details: Record<string, unknown>): AuditInput =>
    ({ accountId: actor.accountId, actorId: actor.agentId, action, targetType: 'agent', targetId: agentId, details, ip, at })
  try {
    return await deps.transact(async (trx) => {
      const row = await findAgentById(trx, actor.accountId, agentId)
      if (!row) throw new AppError('agent.not_found')
      if (input.email && input.email !== row.email && (await findAgentByEmail(trx, actor.accountId, input.email))) {
        throw new AppError('agent.email_taken')
      }
      const { update, changes } = diff(row, input)
      const teamsBefore = (await teamIdsByAgent(trx, [agentId])).get(agentId) ?? []
      let teamIds = teamsBefore
      if (input.teamIds !== undefined) {
        teamIds = await checkTeamIds(trx, actor.accountId, input.teamIds)
        if (JSON.stringify(teamIds) !== JSON.stringify(teamsBefore)) {
          await replaceAgentTeams(trx, actor.accountId, agentId, teamIds)
          changes.teamIds = { from: teamsBefore, to: teamIds }
        }
      }
      if (passwordHash) update.password_hash = passwordHash
      const touched = Object.keys(changes).length > 0 || passwordHash !== undefined
      const updated = touched ? await updateAgentRow(trx, actor.accountId, agentId, { ...update, updated_at: at }) : row

      if (Object.keys(changes).length > 0) await recordAudit(trx, audit('agent.updated', { changes }))
      if (changes.role) await recordAudit(trx, audit('agent.role_changed', changes.role))
      if (changes.active) await recordAudit(trx, audit(input.active ? 'agent.reactivated' : 'agent.deactivated', {}))
      if (passwordHash) await recordAudit(trx, audit('agent.password_reset', {}))
      if (input.active === false || passwordHash) await deleteSessionsOfAgent(trx, agentId)

      return toAgentView(updated, teamIds)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('agent.email_taken')
    throw error
  }
}
