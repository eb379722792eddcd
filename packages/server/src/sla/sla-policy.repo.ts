import type { Executor } from '../db/database.ts'
import type { NewSlaPolicyRow, SlaPolicyRow, SlaPolicyUpdate } from './sla.table.ts'

export async function findSlaPolicy(db: Executor, accountId: string, id: string): Promise<SlaPolicyRow | undefined> {
  return db.selectFrom('sla_policies').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

/** In the order they are tried: position, then age. */
export async function listSlaPolicyRows(db: Executor, accountId: string, activeOnly = false): Promise<SlaPolicyRow[]> {
  let q = db.selectFrom('sla_policies').selectAll().where('account_id', '=', accountId)
  if (activeOnly) q = q.where('active', '=', 1)

  return q.orderBy('position').orderBy('id').limit(500).execute()
}

export async function insertSlaPolicy(db: Executor, row: NewSlaPolicyRow): Promise<SlaPolicyRow> {
  return db.insertInto('sla_policies').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function updateSlaPolicyRow(db: Executor, accountId: string, id: string, set: SlaPolicyUpdate): Promise<SlaPolicyRow | undefined> {
  return db.updateTable('sla_policies').set(set).where('account_id', '=', accountId).where('id', '=', id).returningAll().executeTakeFirst()
}

export async function deleteSlaPolicyRow(db: Executor, accountId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sla_policies').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()

  return Number(result.numDeletedRows) > 0
}
