import type { Channel } from '@madoguchi/shared'
import type { Executor } from '../db/database.ts'
import type { MessageRow, NewMessageRow } from './ticket.table.ts'

/**
 * Inserts a message unless one with the same (account, channel, external id) exists.
 * Returns false for such a duplicate (a retried delivery), without failing the
 * transaction: on PostgreSQL a unique violation would abort it.
 */
export async function insertMessageRow(db: Executor, row: NewMessageRow): Promise<boolean> {
  if (row.external_id == null) {
    await db.insertInto('messages').values(row).execute()

    return true
  }
  const inserted = await db
    .insertInto('messages')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'channel', 'external_id']).doNothing())
    .returning('id')
    .executeTakeFirst()

  return inserted !== undefined
}

export async function findMessageByExternalId(db: Executor, accountId: string, channel: Channel, externalId: string): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst()
}

export async function findMessageRow(db: Executor, accountId: string, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

/** Oldest first; message ids are UUIDv7, so id order is arrival order. */
export async function listMessageRows(db: Executor, accountId: string, ticketId: string, afterId: string | null, limit: number): Promise<MessageRow[]> {
  let query = db.selectFrom('messages').selectAll().where('ticket_id', '=', ticketId).where('account_id', '=', accountId)
  if (afterId !== null) query = query.where('id', '>', afterId)

  return query.orderBy('id', 'asc').limit(limit).execute()
}
