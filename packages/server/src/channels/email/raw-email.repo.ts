import type { Updateable } from 'kysely'
import type { Executor } from '../../db/database.ts'
import type { NewRawEmailRow, RawEmailRow, RawEmailTable } from './email.table.ts'

/** Inserts unless (inbox, dedupe key) is already stored; returns whether it was new. */
export async function insertRawEmail(db: Executor, row: NewRawEmailRow): Promise<boolean> {
  const inserted = await db
    .insertInto('raw_emails')
    .values(row)
    .onConflict((oc) => oc.columns(['inbox_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst()

  return inserted !== undefined
}

export async function findRawEmailByKey(db: Executor, inboxId: string, dedupeKey: string): Promise<RawEmailRow | undefined> {
  return db.selectFrom('raw_emails').selectAll().where('inbox_id', '=', inboxId).where('dedupe_key', '=', dedupeKey).executeTakeFirst()
}

export async function findRawEmail(db: Executor, id: string): Promise<RawEmailRow | undefined> {
  return db.selectFrom('raw_emails').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updateRawEmail(db: Executor, id: string, set: Updateable<RawEmailTable>): Promise<void> {
  await db.updateTable('raw_emails').set(set).where('id', '=', id).execute()
}

/** Stored but never processed (the process died in between): oldest first. */
export async function listUnprocessedRawEmails(db: Executor, receivedBefore: string, limit: number): Promise<RawEmailRow[]> {
  return db.selectFrom('raw_emails').selectAll().where('outcome', '=', 'received').where('received_at', '<', receivedBefore)
    .orderBy('received_at').limit(limit).execute()
}
