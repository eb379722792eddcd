import type { Channel } from '@madoguchi/shared'
import type { Db, Executor } from '../db/database.ts'
import { batchByTurnFor } from '../lib/batch-by-turn.ts'
import { groupBy } from '../lib/group-by.ts'
import type { MessageRow, NewMessageRow } from './ticket.table.ts'

/**
 * Inserts messages, one statement, except those whose (account, channel, external
 * id) is already stored — a retried delivery — without failing the transaction: on
 * PostgreSQL a unique violation would abort it. Returns the ids of the messages stored.
 */
export async function insertMessageRows(db: Executor, rows: NewMessageRow[]): Promise<Set<string>> {
  const insert = db.insertInto('messages').values(rows)
  if (rows.every((r) => r.external_id == null)) {
    await insert.execute()

    return new Set(rows.map((r) => r.id))
  }
  const inserted = await insert.onConflict((oc) => oc.columns(['account_id', 'channel', 'external_id']).doNothing()).returning('id').execute()

  return new Set(inserted.map((r) => r.id))
}

/** insertMessageRows for one message: false when it was a duplicate. */
export async function insertMessageRow(db: Executor, row: NewMessageRow): Promise<boolean> {
  return (await insertMessageRows(db, [row])).has(row.id)
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

/**
 * findMessageByExternalId on the database (not in a transaction): the lookups made
 * together (a channel's messages arriving at once, each checked for a redelivery)
 * share one statement per account and channel (lib/batch-by-turn.ts).
 */
export const findMessageByExternalIdSoon = (db: Db, accountId: string, channel: Channel, externalId: string): Promise<MessageRow | undefined> =>
  findByKey(db, JSON.stringify([accountId, channel, externalId]))

const findByKey = batchByTurnFor(async (db: Db, keys: string[]) => {
  const wanted = keys.map((key) => JSON.parse(key) as [accountId: string, channel: Channel, externalId: string])
  const found = new Map<string, MessageRow>()
  for (const group of groupBy(wanted, ([accountId, channel]) => `${accountId}\u0000${channel}`).values()) {
    const [accountId, channel] = group[0]!
    const rows = await db.selectFrom('messages').selectAll().where('account_id', '=', accountId).where('channel', '=', channel).where('external_id', 'in', group.map(([, , externalId]) => externalId)).execute()
    for (const row of rows) found.set(JSON.stringify([accountId, channel, row.external_id]), row)
  }

  return found
})

export async function findMessageRow(db: Executor, accountId: string, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

/** Oldest first; message ids are UUIDv7, so id order is arrival order. */
export async function listMessageRows(db: Executor, accountId: string, ticketId: string, afterId: string | null, limit: number): Promise<MessageRow[]> {
  let query = db.selectFrom('messages').selectAll().where('ticket_id', '=', ticketId).where('account_id', '=', accountId)
  if (afterId !== null) query = query.where('id', '>', afterId)

  return query.orderBy('id', 'asc').limit(limit).execute()
}
