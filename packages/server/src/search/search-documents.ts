import type { Dialect } from '../db/create-db.ts'
import type { Executor } from '../db/database.ts'
import type { CustomerRow } from '../customers/customer.table.ts'
import type { MessageRow, TicketRow } from '../tickets/ticket.table.ts'
import type { SearchDocumentInput } from './search-index.ts'
import { indexSearchDocument, insertNewSearchDocuments, moveTicketSearchDocuments, removeSearchDocument } from './search-index.ts'

/**
 * What each feature's rows look like in the search index. The tickets and
 * customers use cases call these in their own transactions (small hooks marked
 * "Issue 6 hook"), so a change is searchable the moment it commits.
 */

type TicketFields = Pick<TicketRow, 'id' | 'account_id' | 'subject' | 'team_id' | 'updated_at'>
type MessageFields = Pick<MessageRow, 'id' | 'account_id' | 'ticket_id' | 'kind' | 'body_text' | 'created_at'>

function subjectDocument(ticket: TicketFields, isNew: boolean): SearchDocumentInput {
  return {
    accountId: ticket.account_id, type: 'ticket', id: ticket.id, ticketId: ticket.id, teamId: ticket.team_id,
    visibility: 'customer', title: ticket.subject, text: ticket.subject, updatedAt: ticket.updated_at, isNew,
  }
}

/** System messages (status lines) are not indexed; notes are internal (agents only). */
function messageDocument(message: MessageFields, ticket: Pick<TicketRow, 'team_id'>): SearchDocumentInput | null {
  if (message.kind === 'system') return null

  return {
    accountId: message.account_id, type: 'message', id: message.id, ticketId: message.ticket_id, teamId: ticket.team_id,
    visibility: message.kind === 'note' ? 'internal' : 'customer', title: '', text: message.body_text, updatedAt: message.created_at, isNew: true,
  }
}

export async function indexTicketSubject(db: Executor, dialect: Dialect, ticket: TicketFields, isNew = false): Promise<void> {
  await indexSearchDocument(db, dialect, subjectDocument(ticket, isNew))
}

export async function indexNewMessage(db: Executor, dialect: Dialect, message: MessageFields, ticket: Pick<TicketRow, 'team_id'>): Promise<void> {
  const doc = messageDocument(message, ticket)
  if (doc) await insertNewSearchDocuments(db, dialect, [doc])
}

/** A new ticket's documents: its subject and its first message (unless a system line). */
export function newTicketDocuments(ticket: TicketFields, message: MessageFields): SearchDocumentInput[] {
  const first = messageDocument(message, ticket)

  return first ? [subjectDocument(ticket, true), first] : [subjectDocument(ticket, true)]
}

/** After a PATCH: a new subject is re-indexed, a new team carried to every document of the ticket. */
export async function reindexChangedTicket(db: Executor, dialect: Dialect, before: TicketFields, after: TicketFields): Promise<void> {
  if (before.subject !== after.subject) await indexTicketSubject(db, dialect, after)
  if (before.team_id !== after.team_id) await moveTicketSearchDocuments(db, after.account_id, after.id, after.team_id)
}

type CustomerFields = Pick<
  CustomerRow,
  'id' | 'account_id' | 'crn' | 'display_name' | 'family_name' | 'given_name' | 'family_name_kana' | 'given_name_kana' | 'preferred_name' | 'organization' | 'merged_into_id' | 'updated_at'
>

/**
 * Names (with readings), organization and CRN; a merged-away customer leaves the index.
 * `isNew`: inserted in this transaction, so there is no earlier version to delete.
 */
export async function indexCustomer(db: Executor, dialect: Dialect, customer: CustomerFields, isNew = false): Promise<void> {
  if (customer.merged_into_id !== null) {
    await removeSearchDocument(db, dialect, customer.account_id, 'customer', customer.id)

    return
  }
  await indexSearchDocument(db, dialect, customerDocument(customer, isNew))
}

/** A customer's search document (for a caller that writes it with others: a first contact's ticket). */
export function customerDocument(customer: CustomerFields, isNew: boolean): SearchDocumentInput {
  const names = [customer.display_name, customer.family_name, customer.given_name, customer.family_name_kana, customer.given_name_kana, customer.preferred_name]
  const unique = [...new Set(names.filter((n): n is string => !!n))]
  const text = [...unique, customer.organization, customer.crn].filter(Boolean).join('\n')

  return { accountId: customer.account_id, type: 'customer', id: customer.id, visibility: 'internal', title: customer.display_name, text, updatedAt: customer.updated_at, isNew }
}

export async function removeCustomerFromSearch(db: Executor, dialect: Dialect, accountId: string, customerId: string): Promise<void> {
  await removeSearchDocument(db, dialect, accountId, 'customer', customerId)
}
