import { sql } from 'kysely'
import type { Role } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { batchByTurnFor } from '../lib/batch-by-turn.ts'
import { sha256 } from '../lib/hash.ts'
import { SESSION_TOUCH_MS, SESSION_TTL_MS } from './session.repo.ts'

export const SESSION_COOKIE = 'madoguchi_session'
export const API_TOKEN_PREFIX = 'mdg_'

/**
 * The agent's team ids as one comma-separated column of the principal's own query
 * (ids are UUIDs: no commas), so authenticating a request is one statement, not two.
 */
function teamIdsColumn(deps: Deps) {
  const list = deps.dialect === 'postgres'
    ? sql<string | null>`(select string_agg(agent_teams.team_id, ',') from agent_teams where agent_teams.agent_id = agents.id)`
    : sql<string | null>`(select group_concat(agent_teams.team_id, ',') from agent_teams where agent_teams.agent_id = agents.id)`

  return list.as('team_ids')
}

interface AgentBits {
  account_id: string
  agent_id: string
  role: string
  name: string
  locale: string
  time_zone: string
  team_ids: string | null
}

function toPrincipal(a: AgentBits, extra: Partial<Principal> & Pick<Principal, 'via'>): Principal {
  return {
    accountId: a.account_id,
    agentId: a.agent_id,
    role: a.role as Role,
    name: a.name,
    locale: a.locale === 'en' ? 'en' : 'ja',
    timeZone: a.time_zone,
    teamIds: a.team_ids ? a.team_ids.split(',') : [],
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
      'agents.role', 'agents.name', 'agents.locale', 'agents.time_zone', teamIdsColumn(deps),
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

  return toPrincipal(row, { via: 'session', csrfToken: row.csrf_token })
}

/** `Authorization: Bearer mdg_…` → principal, or null when unknown, revoked or expired. */
export async function principalFromToken(deps: Deps, token: string): Promise<Principal | null> {
  const now = deps.clock.now().toISOString()
  const row = await findToken(deps, sha256(token))
  if (!row || (row.expires_at && row.expires_at <= now)) return null
  // Touch last_used_at at most once a minute so a busy integration does not turn
  // every read into a write.
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    row.last_used_at = now
    await deps.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute()
  }

  return toPrincipal(row, { via: 'token', tokenId: row.token_id })
}

/** Requests arriving together with API tokens are authenticated by one statement (lib/batch-by-turn.ts). */
const findToken = batchByTurnFor(findTokens)

type TokenRow = AgentBits & { token_hash: string; token_id: string; expires_at: string | null; last_used_at: string | null }

async function findTokens(deps: Deps, hashes: string[]): Promise<Map<string, TokenRow>> {
  const rows = await deps.db
    .selectFrom('api_tokens')
    .innerJoin('agents', 'agents.id', 'api_tokens.agent_id')
    .select([
      'api_tokens.token_hash', 'api_tokens.id as token_id', 'api_tokens.account_id', 'api_tokens.agent_id', 'api_tokens.expires_at',
      'api_tokens.last_used_at', 'agents.role', 'agents.name', 'agents.locale', 'agents.time_zone', teamIdsColumn(deps),
    ])
    .where('api_tokens.token_hash', 'in', hashes)
    .where('api_tokens.revoked_at', 'is', null)
    .where('agents.active', '=', 1)
    .execute()

  return new Map(rows.map((row) => [row.token_hash, row]))
}
