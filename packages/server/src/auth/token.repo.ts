import type { Executor } from '../db/database.ts'
import type { ApiTokenRow, ApiTokenTable } from './auth.table.ts'

export async function insertApiToken(db: Executor, row: ApiTokenTable): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute()
}

export async function findApiToken(db: Executor, accountId: string, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

/** An agent's tokens that still work or may work again (not revoked), newest first. */
export async function listApiTokensOfAgent(db: Executor, accountId: string, agentId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('agent_id', '=', agentId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(500)
    .execute()
}

export async function markApiTokenRevoked(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute()
}
