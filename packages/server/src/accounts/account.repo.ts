import type { Executor } from '../db/database.ts'
import type { AccountRow, AccountUpdate, NewAccountRow } from './account.table.ts'

export async function findAccount(db: Executor, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Oldest accounts first: a single-tenant install has exactly one. */
export async function listAccountRows(db: Executor, limit: number): Promise<AccountRow[]> {
  return db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').limit(limit).execute()
}

export async function insertAccount(db: Executor, row: NewAccountRow): Promise<AccountRow> {
  return db.insertInto('accounts').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function updateAccountRow(db: Executor, id: string, changes: AccountUpdate): Promise<AccountRow> {
  return db.updateTable('accounts').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}
