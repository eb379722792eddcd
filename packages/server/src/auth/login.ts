import type { MeView } from '@madoguchi/shared'
import { findAgentsByEmailAnyAccount } from '../agents/agent.repo.ts'
import type { AgentRow } from '../agents/agent.table.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import type { RateLimit } from '../http/rate-limit.ts'
import { enforceRateLimit } from '../http/rate-limit.ts'
import { AppError } from '../lib/app-error.ts'
import { randomToken, sha256 } from '../lib/hash.ts'
import { loadMe } from './me-view.ts'
import { verifyAgainstDummy, verifyPassword } from './password.ts'
import { SESSION_TTL_MS, insertSession } from './session.repo.ts'

const FIFTEEN_MINUTES = 15 * 60 * 1000

/**
 * Every attempt counts, successful ones too, so parallel guessing gains nothing.
 * Per email: slows guessing one agent's password from many IPs. Per IP: slows one
 * client trying many emails, while an office sharing one IP still has headroom.
 */
export const LOGIN_RATE_LIMITS: { perEmail: RateLimit; perIp: RateLimit } = {
  perEmail: { limit: 10, windowMs: FIFTEEN_MINUTES },
  perIp: { limit: 30, windowMs: FIFTEEN_MINUTES },
}

export interface LoginRequest {
  /** Already trimmed and lower-cased by the schema. */
  email: string
  password: string
  ip: string | null
  userAgent: string | null
}

export interface LoginResult {
  /** Raw session id for the cookie; only its sha256 is stored. */
  sessionId: string
  csrfToken: string
  expiresAt: string
  me: MeView
}

async function findMatchingAgent(candidates: AgentRow[], password: string): Promise<AgentRow | undefined> {
  // Unknown email: spend the same time as a wrong password would.
  if (candidates.length === 0) return verifyAgainstDummy(password).then(() => undefined)
  for (const agent of candidates) {
    const ok = agent.password_hash ? await verifyPassword(agent.password_hash, password) : await verifyAgainstDummy(password)
    if (ok) return agent
  }

  return undefined
}

/**
 * Email + password → a new session. Wrong email, wrong password and deactivated
 * agent all answer the same `auth.invalid_credentials`, after the same work.
 */
export async function login(deps: Deps, input: LoginRequest): Promise<LoginResult> {
  await enforceRateLimit(deps, `login:ip:${input.ip ?? 'unknown'}`, LOGIN_RATE_LIMITS.perIp)
  await enforceRateLimit(deps, `login:email:${sha256(input.email)}`, LOGIN_RATE_LIMITS.perEmail)

  const candidates = await findAgentsByEmailAnyAccount(deps.db, input.email)
  const agent = await findMatchingAgent(candidates, input.password)
  const at = deps.clock.now().toISOString()

  if (!agent || agent.active !== 1) {
    // The audit log belongs to an account; an email nobody has only reaches the server log.
    if (candidates.length === 0) deps.logger.warn({ ip: input.ip }, 'login failed: unknown email')
    await deps.transact(async (trx) => {
      for (const candidate of candidates) {
        await recordAudit(trx, {
          accountId: candidate.account_id,
          actorId: null,
          action: 'auth.login_failed',
          targetType: 'agent',
          targetId: candidate.id,
          details: { email: input.email, reason: agent ? 'inactive' : 'wrong_password', userAgent: input.userAgent },
          ip: input.ip,
          at,
        })
      }
    })
    throw new AppError('auth.invalid_credentials')
  }

  const sessionId = randomToken(32)
  const csrfToken = randomToken(32)
  const expiresAt = new Date(Date.parse(at) + SESSION_TTL_MS).toISOString()

  return deps.transact(async (trx) => {
    await insertSession(trx, {
      id_hash: sha256(sessionId),
      account_id: agent.account_id,
      agent_id: agent.id,
      csrf_token: csrfToken,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
      ip: input.ip,
      created_at: at,
      expires_at: expiresAt,
      last_seen_at: at,
    })
    await recordAudit(trx, {
      accountId: agent.account_id,
      actorId: agent.id,
      action: 'auth.login_succeeded',
      targetType: 'agent',
      targetId: agent.id,
      details: { userAgent: input.userAgent },
      ip: input.ip,
      at,
    })
    const me = await loadMe(trx, agent.account_id, agent.id, csrfToken)

    return { sessionId, csrfToken, expiresAt, me }
  })
}
