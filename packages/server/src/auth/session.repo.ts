import type { Executor } from '../db/database.ts'
import { sha256 } from '../lib/hash.ts'
import type { SessionTable } from './auth.table.ts'

/** Sessions last 14 days from the last use (sliding), then the agent signs in again. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000
/** Sliding renewal writes at most this often per session, not on every request. */
export const SESSION_TOUCH_MS = 60 * 60 * 1000

export async function insertSession(db: Executor, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

/** Ends one session, given the raw cookie value. */
export async function deleteSessionById(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', sha256(sessionId)).execute()
}

/** Ends every session of an agent, optionally sparing the one making the request. */
export async function deleteSessionsOfAgent(db: Executor, agentId: string, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('agent_id', '=', agentId)
  if (exceptSessionId) query = query.where('id_hash', '!=', sha256(exceptSessionId))
  await query.execute()
}

/** Sessions past their expiry (they no longer sign anyone in); returns how many went. */
export async function deleteExpiredSessions(db: Executor, nowIso: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).executeTakeFirst()

  return Number(result.numDeletedRows)
}
