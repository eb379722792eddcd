import { findAgentByEmail, insertAgent, updateAgentRow } from '../agents/agent.repo.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Trx } from '../db/database.ts'
import { newId } from '../lib/ids.ts'
import { deleteSessionsOfAgent } from './session.repo.ts'

export interface PutAdminInput {
  accountId: string
  email: string
  name: string
  passwordHash: string
  /** Recorded in the audit entry: `first-start`, `cli`. */
  via: string
  at: string
}

/**
 * Makes `email` an active admin of the account with this password: inserts the agent,
 * or promotes and re-enables an existing one (the way back in when locked out).
 * Runs in the caller's transaction; the system is the actor (no agent id).
 */
export async function putAdmin(trx: Trx, input: PutAdminInput): Promise<{ agentId: string; existed: boolean }> {
  const existing = await findAgentByEmail(trx, input.accountId, input.email)
  const audit = (action: string, agentId: string, details: Record<string, unknown>) =>
    recordAudit(trx, { accountId: input.accountId, actorId: null, action, targetType: 'agent', targetId: agentId, details: { ...details, via: input.via }, at: input.at })
  if (existing) {
    await updateAgentRow(trx, input.accountId, existing.id, { role: 'admin', active: 1, password_hash: input.passwordHash, updated_at: input.at })
    await deleteSessionsOfAgent(trx, existing.id)
    if (existing.role !== 'admin') await audit('agent.role_changed', existing.id, { from: existing.role, to: 'admin' })
    if (existing.active !== 1) await audit('agent.reactivated', existing.id, {})
    await audit('agent.password_reset', existing.id, {})

    return { agentId: existing.id, existed: true }
  }
  const row = await insertAgent(trx, {
    id: newId(),
    account_id: input.accountId,
    email: input.email,
    name: input.name,
    role: 'admin',
    password_hash: input.passwordHash,
    created_at: input.at,
    updated_at: input.at,
  })
  await audit('agent.created', row.id, { email: row.email, name: row.name, role: 'admin' })

  return { agentId: row.id, existed: false }
}
