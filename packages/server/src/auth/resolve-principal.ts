import type { Role } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { sha256 } from '../lib/hash.ts'
import { SESSION_TOUCH_MS, SESSION_TTL_MS } from './session.repo.ts'

export const SESSION_COOKIE = 'madoguchi_session'
export const API_TOKEN_PREFIX = 'mdg_'

async function teamIdsOf(deps: Deps, agentId: string): Promise<string[]> {
  const rows = await deps.db.selectFrom('agent_teams').select('team_id').where('agent_id', '=', agentId).execute()

  return rows.map((r) => r.team_id)
}

interface AgentBits {
  account_id: string
  agent_id: string
  role: string
  name: string
  locale: string
  time_zone: string
}

async function toPrincipal(deps: Deps, a: AgentBits, extra: Partial<Principal> & Pick<Principal, 'via'>): Promise<Principal> {
  return {
    accountId: a.account_id,
    agentId: a.agent_id,
    role: a.role as Role,
    name: a.name,
    locale: a.locale === 'en' ? 'en' : 'ja',
    timeZone: a.time_zone,
    teamIds: await teamIdsOf(deps, a.agent_id),
    ...extra,
  }
}

/** Session cookie → principal, or null when missing, expired or the agent is inactive. */
export async function principalFromSession(deps: Deps, sessionId: string): Promise<Principal | null> {
  const now = deps.clock.now().toISOString()
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('agents', 'agents.id', 'sessions.agent_id')
    .select([
      'sessions.id_hash', 'sessions.account_id', 'sessions.agent_id', 'sessions.csrf_token', 'sessions.last_seen_at',
      'agents.role', 'agents.name', 'agents.locale', 'agents.time_zone',
    ])
    .where('sessions.id_hash', '=', sha256(sessionId))
    .where('sessions.expires_at', '>', now)
    .where('agents.active', '=', 1)
    .executeTakeFirst()
  if (!row) return null
  // Sliding expiry: an agent who keeps working stays signed in. Renew at most once
  // an hour so that reads do not all turn into writes.
  const nowMs = Date.parse(now)
  if (nowMs - Date.parse(row.last_seen_at) > SESSION_TOUCH_MS) {
    await deps.db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: new Date(nowMs + SESSION_TTL_MS).toISOString() })
      .where('id_hash', '=', row.id_hash)
      .execute()
  }

  return toPrincipal(deps, row, { via: 'session', csrfToken: row.csrf_token })
}

/** `Authorization: Bearer mdg_…` → principal, or null when unknown, revoked or expired. */
export async function principalFromToken(deps: Deps, token: string): Promise<Principal | null> {
  const now = deps.clock.now().toISOString()
  const row = await deps.db
    .selectFrom('api_tokens')
    .innerJoin('agents', 'agents.id', 'api_tokens.agent_id')
    .select([
      'api_tokens.id as token_id', 'api_tokens.account_id', 'api_tokens.agent_id', 'api_tokens.expires_at',
      'api_tokens.last_used_at', 'agents.role', 'agents.name', 'agents.locale', 'agents.time_zone',
    ])
    .where('api_tokens.token_hash', '=', sha256(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('agents.active', '=', 1)
    .executeTakeFirst()
  if (!row || (row.expires_at && row.expires_at <= now)) return null
  // Touch last_used_at at most once a minute so a busy integration does not turn
  // every read into a write.
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await deps.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute()
  }

  return toPrincipal(deps, row, { via: 'token', tokenId: row.token_id })
}
