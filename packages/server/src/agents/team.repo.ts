import type { Executor } from '../db/database.ts'
import type { NewTeamRow, TeamRow } from './agent.table.ts'

export async function findTeam(db: Executor, accountId: string, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

export async function findTeamByName(db: Executor, accountId: string, name: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst()
}

/** Teams of the account, by name; `onlyIds` narrows to those (a partner's own teams). */
export async function listTeamRows(db: Executor, accountId: string, onlyIds?: string[]): Promise<TeamRow[]> {
  if (onlyIds && onlyIds.length === 0) return []
  let query = db.selectFrom('teams').selectAll().where('account_id', '=', accountId)
  if (onlyIds) query = query.where('id', 'in', onlyIds)

  return query.orderBy('name').orderBy('id').limit(1000).execute()
}

/** Which of these ids are teams of the account. */
export async function existingTeamIds(db: Executor, accountId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('teams').select('id').where('account_id', '=', accountId).where('id', 'in', ids).execute()

  return new Set(rows.map((r) => r.id))
}

export async function insertTeam(db: Executor, row: NewTeamRow): Promise<TeamRow> {
  return db.insertInto('teams').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function updateTeamRow(db: Executor, accountId: string, id: string, changes: Partial<Pick<TeamRow, 'name' | 'description' | 'is_partner'>>): Promise<TeamRow> {
  return db.updateTable('teams').set(changes).where('account_id', '=', accountId).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}
