import type { Executor } from '../../db/database.ts'
import { findTicketRow, findTicketRowByNumber } from '../../tickets/ticket.repo.ts'
import type { TicketRow } from '../../tickets/ticket.table.ts'
import type { InboxRow } from './email.table.ts'
import type { ThreadKeys } from './thread-email.ts'
import { ticketTokenMac } from './thread-email.ts'

export interface ThreadMatch {
  ticket: TicketRow
  via: 'message-id' | 'token' | 'subject-tag'
}

/**
 * The ticket a reply belongs to: a Message-ID we sent or received (In-Reply-To,
 * References), else a reply-address token with a valid MAC, else a `[#n]` subject
 * tag — the last only when the sender is that ticket's customer, since anyone can
 * type a number into a subject.
 */
export async function findEmailThread(db: Executor, inbox: InboxRow, keys: ThreadKeys, senderCustomerIds: string[]): Promise<ThreadMatch | null> {
  const accountId = inbox.account_id
  if (keys.messageIds.length > 0) {
    const sent = await db.selectFrom('email_outbound').select(['ticket_id', 'rfc_message_id'])
      .where('account_id', '=', accountId).where('rfc_message_id', 'in', keys.messageIds).execute()
    const received = await db.selectFrom('messages').select(['ticket_id', 'external_id'])
      .where('account_id', '=', accountId).where('channel', '=', 'email').where('external_id', 'in', keys.messageIds).execute()
    for (const id of keys.messageIds) {
      const ticketId = sent.find((r) => r.rfc_message_id === id)?.ticket_id ?? received.find((r) => r.external_id === id)?.ticket_id
      const ticket = ticketId ? await findTicketRow(db, accountId, ticketId) : undefined
      if (ticket) return { ticket, via: 'message-id' }
    }
  }
  for (const token of keys.tickets) {
    if (ticketTokenMac(inbox.secret, token.number) !== token.mac) continue
    const ticket = await findTicketRowByNumber(db, accountId, token.number)
    if (ticket) return { ticket, via: 'token' }
  }
  for (const number of keys.subjectNumbers) {
    const ticket = await findTicketRowByNumber(db, accountId, number)
    if (ticket && senderCustomerIds.includes(ticket.customer_id)) return { ticket, via: 'subject-tag' }
  }

  return null
}

/** Customers owning this email address (normally one), for the subject-tag check. */
export async function customerIdsForAddress(db: Executor, accountId: string, address: string): Promise<string[]> {
  const rows = await db.selectFrom('customer_contacts').select('customer_id')
    .where('account_id', '=', accountId).where('kind', '=', 'email').where('value', '=', address).execute()

  return rows.map((r) => r.customer_id)
}
