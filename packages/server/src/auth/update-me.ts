import type { MeView, UpdateMeInput } from '@madoguchi/shared'
import { findAgentById, updateAgentRow } from '../agents/agent.repo.ts'
import type { AgentUpdate } from '../agents/agent.table.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { enforceRateLimit } from '../http/rate-limit.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { loadMe } from './me-view.ts'
import { hashPassword, verifyPassword } from './password.ts'
import { deleteSessionsOfAgent } from './session.repo.ts'

export interface UpdateMeContext {
  principal: Principal
  /** The caller's own session (cookie), spared when the password changes. */
  sessionId?: string
  ip: string | null
}

/**
 * Own profile: name, language, time zone, password. A new password needs the current
 * one (a borrowed, unlocked screen is not enough) and signs out every other session.
 */
export async function updateMe(deps: Deps, ctx: UpdateMeContext, input: UpdateMeInput): Promise<MeView> {
  const { principal } = ctx
  const changes: AgentUpdate = {}
  if (input.name !== undefined) changes.name = input.name
  if (input.locale !== undefined) changes.locale = input.locale
  if (input.timeZone !== undefined) changes.time_zone = input.timeZone

  if (input.newPassword !== undefined) {
    // The current-password check is a password oracle: limit it like login.
    await enforceRateLimit(deps, `password-change:${principal.agentId}`, { limit: 10, windowMs: 15 * 60 * 1000 })
    const agent = await findAgentById(deps.db, principal.accountId, principal.agentId)
    const ok = agent?.password_hash ? await verifyPassword(agent.password_hash, input.currentPassword ?? '') : false
    if (!ok) throw new AppError('auth.current_password_incorrect')
    changes.password_hash = await hashPassword(input.newPassword)
  }
  const at = deps.clock.now().toISOString()

  return deps.transact(async (trx) => {
    if (Object.keys(changes).length > 0) {
      await updateAgentRow(trx, principal.accountId, principal.agentId, { ...changes, updated_at: at })
    }
    if (changes.password_hash) {
      await deleteSessionsOfAgent(trx, principal.agentId, ctx.sessionId)
      await recordAudit(trx, {
        accountId: principal.accountId,
        actorId: principal.agentId,
        action: 'auth.password_changed',
        targetType: 'agent',
        targetId: principal.agentId,
        ip: ctx.ip,
        at,
      })
    }

    return loadMe(trx, principal.accountId, principal.agentId, principal.via === 'session' ? principal.csrfToken : undefined)
  })
}
