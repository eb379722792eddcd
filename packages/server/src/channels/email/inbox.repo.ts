import type { Db, Executor } from '../../db/database.ts'
import { batchByTurnFor } from '../../lib/batch-by-turn.ts'
import type { InboxRow, InboxTable } from './email.table.ts'
import type { Insertable, Updateable } from 'kysely'

export async function findInbox(db: Executor, accountId: string, id: string): Promise<InboxRow | undefined> {
  return db.selectFrom('inboxes').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

/** An inbox by id, for incoming mail: the messages arriving together share one statement (lib/batch-by-turn.ts). */
export const findInboxForMail: (db: Db, id: string) => Promise<InboxRow | undefined> = batchByTurnFor(async (db: Db, ids: string[]) => {
  const rows = await db.selectFrom('inboxes').selectAll().where('id', 'in', ids).execute()

  return new Map(rows.map((row) => [row.id, row]))
})

export async function listInboxRows(db: Executor, accountId: string): Promise<InboxRow[]> {
  return db.selectFrom('inboxes').selectAll().where('account_id', '=', accountId).orderBy('id').limit(500).execute()
}

/** The inbox an SMTP recipient routes to, across accounts (addresses are globally unique). */
export async function findInboxByAddress(db: Executor, address: string): Promise<InboxRow | undefined> {
  return db
    .selectFrom('inbox_addresses')
    .innerJoin('inboxes', 'inboxes.id', 'inbox_addresses.inbox_id')
    .selectAll('inboxes')
    .where('inbox_addresses.address', '=', address)
    .where('inboxes.active', '=', 1)
    .executeTakeFirst()
}

export async function insertInbox(db: Executor, row: Insertable<InboxTable>): Promise<void> {
  await db.insertInto('inboxes').values(row).execute()
}

export async function updateInboxRow(db: Executor, accountId: string, id: string, set: Updateable<InboxTable>): Promise<void> {
  await db.updateTable('inboxes').set(set).where('account_id', '=', accountId).where('id', '=', id).execute()
}

/** Addresses of `wanted` already routed to another inbox. */
export async function takenAddresses(db: Executor, wanted: string[], inboxId: string | null): Promise<string[]> {
  if (wanted.length === 0) return []
  let query = db.selectFrom('inbox_addresses').select('address').where('address', 'in', wanted)
  if (inboxId) query = query.where('inbox_id', '!=', inboxId)

  return (await query.execute()).map((r) => r.address)
}

/** Replaces an inbox's routing rows; returns false when another inbox took one meanwhile. */
export async function replaceInboxAddresses(db: Executor, accountId: string, inboxId: string, addresses: string[]): Promise<boolean> {
  await db.deleteFrom('inbox_addresses').where('inbox_id', '=', inboxId).execute()
  const inserted = await db
    .insertInto('inbox_addresses')
    .values(addresses.map((address) => ({ address, account_id: accountId, inbox_id: inboxId })))
    .onConflict((oc) => oc.column('address').doNothing())
    .returning('address')
    .execute()

  return inserted.length === addresses.length
}
