import type { Selectable } from 'kysely'

export interface SessionTable {
  /** sha256 of the cookie value; the raw session id is never stored. */
  id_hash: string
  account_id: string
  agent_id: string
  csrf_token: string
  user_agent: string | null
  ip: string | null
  created_at: string
  expires_at: string
  last_seen_at: string
}
export type SessionRow = Selectable<SessionTable>

export interface ApiTokenTable {
  id: string
  account_id: string
  agent_id: string
  name: string
  /** sha256 of the token; the token itself is shown once at creation. */
  token_hash: string
  /** First characters of the token, to recognise it in lists. */
  prefix: string
  created_at: string
  last_used_at: string | null
  expires_at: string | null
  revoked_at: string | null
}
export type ApiTokenRow = Selectable<ApiTokenTable>
