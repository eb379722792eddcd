import type { Executor } from '../../db/database.ts'
import type { EmailOutboundRow, EmailOutboundTable } from './email.table.ts'
import type { Insertable, Updateable } from 'kysely'

export async function findOutbound(db: Executor, messageId: string): Promise<EmailOutboundRow | undefined> {
  return db.selectFrom('email_outbound').selectAll().where('message_id', '=', messageId).executeTakeFirst()
}

/** Creates the row once; a retried job finds the one (and the Message-ID) the first attempt made. */
export async function ensureOutbound(db: Executor, row: Insertable<EmailOutboundTable>): Promise<EmailOutboundRow> {
  await db.insertInto('email_outbound').values(row).onConflict((oc) => oc.column('message_id').doNothing()).execute()

  return (await findOutbound(db, row.message_id))!
}

export async function updateOutbound(db: Executor, messageId: string, set: Updateable<EmailOutboundTable>): Promise<void> {
  await db.updateTable('email_outbound').set(set).where('message_id', '=', messageId).execute()
}

/** Message-IDs of the ticket's mail so far, oldest first: the References of the next reply. */
export async function threadMessageIds(db: Executor, accountId: string, ticketId: string): Promise<{ ids: string[]; lastInbound: string | null }> {
  const inbound = await db.selectFrom('messages').select(['id', 'external_id']).where('account_id', '=', accountId)
    .where('ticket_id', '=', ticketId).where('channel', '=', 'email').where('kind', '=', 'inbound').where('external_id', 'is not', null).execute()
  const outbound = await db.selectFrom('email_outbound').select(['message_id as id', 'rfc_message_id as external_id']).where('account_id', '=', accountId)
    .where('ticket_id', '=', ticketId).where('status', '=', 'sent').execute()
  const all = [...inbound, ...outbound].filter((r) => r.external_id && !r.external_id.startsWith('raw:'))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const lastInbound = inbound.filter((r) => r.external_id && !r.external_id.startsWith('raw:')).sort((a, b) => (a.id < b.id ? 1 : -1))[0]?.external_id ?? null
  const ids = all.map((r) => r.external_id!)

  // Long threads: the first and the most recent ones are what mail programs use (RFC 5322 3.6.4).
  return { ids: ids.length > 20 ? [ids[0]!, ...ids.slice(-19)] : ids, lastInbound }
}
