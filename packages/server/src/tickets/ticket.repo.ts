import type { Executor, Trx } from '../db/database.ts'
import type { Dialect } from '../db/create-db.ts'
import type { NewTicketRow, TicketRow, TicketUpdate } from './ticket.table.ts'

export async function findTicketRow(db: Executor, accountId: string, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

export async function findTicketRowByNumber(db: Executor, accountId: string, number: number): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('account_id', '=', accountId).where('number', '=', number).executeTakeFirst()
}

/**
 * Reads a ticket for a change. PostgreSQL locks the row so concurrent changes to one
 * ticket apply one after the other; SQLite needs no lock (one writer at a time).
 */
export async function lockTicketRow(trx: Trx, dialect: Dialect, accountId: string, id: string): Promise<TicketRow | undefined> {
  const query = trx.selectFrom('tickets').selectAll().where('account_id', '=', accountId).where('id', '=', id)

  return (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst()
}

/**
 * Takes the account's next `count` ticket numbers (SQLite; PostgreSQL uses a
 * sequence, ticket-number-sequence.ts) and reads the account's configuration
 * version in the same statement. The UPDATE holds the account row until the
 * transaction ends, so numbers are distinct and gap-free (a rolled-back creation
 * gives its numbers back).
 */
export async function allocateTicketNumbers(trx: Trx, accountId: string, count: number): Promise<{ first: number; configVersion: string }> {
  const row = await trx
    .updateTable('accounts')
    .set((eb) => ({ next_ticket_number: eb('next_ticket_number', '+', count) }))
    .where('id', '=', accountId)
    .returning(['next_ticket_number', 'config_version'])
    .executeTakeFirstOrThrow()

  return { first: Number(row.next_ticket_number) - count, configVersion: row.config_version }
}

export async function insertTicketRows(trx: Trx, rows: NewTicketRow[]): Promise<void> {
  await trx.insertInto('tickets').values(rows).execute()
}

/**
 * Updates a ticket. When updated_at changes, the copy on its tag rows follows (the
 * tag-filtered list sorts on it); `tags` are the ticket's tags after this update.
 */
export async function updateTicketRow(trx: Trx, accountId: string, id: string, update: TicketUpdate, tags: readonly string[]): Promise<void> {
  await trx.updateTable('tickets').set(update).where('account_id', '=', accountId).where('id', '=', id).execute()
  if (update.updated_at !== undefined && tags.length > 0) {
    await trx.updateTable('ticket_tags').set({ updated_at: update.updated_at }).where('ticket_id', '=', id).execute()
  }
}

export async function insertTicketTags(trx: Trx, rows: Array<{ accountId: string; ticketId: string; tag: string; updatedAt: string }>): Promise<void> {
  if (rows.length === 0) return
  await trx
    .insertInto('ticket_tags')
    .values(rows.map((r) => ({ account_id: r.accountId, ticket_id: r.ticketId, tag: r.tag, updated_at: r.updatedAt })))
    .execute()
}

/** Makes the tag rows (the index behind the tag filter) match `after` exactly. */
export async function replaceTicketTags(trx: Trx, accountId: string, ticketId: string, before: readonly string[], after: readonly string[], updatedAt: string): Promise<void> {
  const removed = before.filter((t) => !after.includes(t))
  const added = after.filter((t) => !before.includes(t))
  if (removed.length > 0) {
    await trx.deleteFrom('ticket_tags').where('ticket_id', '=', ticketId).where('tag', 'in', removed).execute()
  }
  await insertTicketTags(trx, added.map((tag) => ({ accountId, ticketId, tag, updatedAt })))
}
