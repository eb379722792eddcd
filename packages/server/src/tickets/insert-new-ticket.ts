import type { Channel, TicketPriority } from '@madoguchi/shared'
import { sql } from 'kysely'
import type { EventInput } from '../audit/record-event.ts'
import { EVENT_COLUMNS, eventRows, recordEvents } from '../audit/record-event.ts'
import type { PendingCustomerRows } from '../customers/resolve-customer-for-ticket.ts'
import type { Dialect } from '../db/create-db.ts'
import type { Trx } from '../db/database.ts'
import { toJson } from '../db/json.ts'
import { rowsAsArrays } from '../db/rows-as-arrays.ts'
import { groupBy } from '../lib/group-by.ts'
import { newId } from '../lib/ids.ts'
import { newTicketDocuments } from '../search/search-documents.ts'
import { insertNewSearchDocuments, postgresSearchArrays } from '../search/search-index.ts'
import { insertMessageRows } from './message.repo.ts'
import { allocateTicketNumbers, insertTicketRows, insertTicketTags } from './ticket.repo.ts'
import { ensureTicketNumberSequence } from './ticket-number-sequence.ts'
import type { MessageRow, TicketRow } from './ticket.table.ts'

export interface NewTicket {
  accountId: string
  subject: string
  channel: Channel
  priority: TicketPriority
  category: string | null
  tags: readonly string[]
  assigneeId: string | null
  teamId: string | null
  inboxId: string | null
  customFields: Record<string, string | number | boolean>
  customerId: string
  /** The customer's first message. */
  message: { bodyText: string; bodyHtml: string | null; externalId: string | null; metadata: Record<string, unknown> }
  /** Who made the ticket (for the event log). */
  actor: EventInput['actor']
  at: string
  /** The customer's event-log entries and search document (resolveCustomerForTicket), written with the ticket's. */
  customerRows: PendingCustomerRows
}

/** `configVersion`: the account's, read by the same statement that took the number (for the configuration cache). */
export type Created = { ticket: TicketRow; message: MessageRow; configVersion: string }

/** The event-log entries and search documents of a new ticket: the customer's list, the ticket's rows added. */
type AppendOnly = PendingCustomerRows

/** The rows one new ticket writes (its number is taken when they are inserted). */
export interface NewTicketRows {
  ticket: TicketRow
  message: MessageRow
  tags: readonly string[]
  appendOnly: AppendOnly
}

/**
 * The statements every ticket creation runs, inside a transaction the caller owns
 * (which has already resolved the customer). Returns null when the first message
 * is a duplicate of one already stored (same channel and external id): the caller
 * must then roll back (on SQLite this also gives the ticket number back).
 */
export async function insertNewTicket(trx: Trx, dialect: Dialect, t: NewTicket): Promise<Created | null> {
  const [created] = await insertNewTickets(trx, dialect, [newTicketRows(t)])

  return created ?? null
}

/** Many new tickets' rows in a fixed number of statements (see the two below). */
export function insertNewTickets(trx: Trx, dialect: Dialect, items: readonly NewTicketRows[]): Promise<Created[]> {
  return dialect === 'sqlite' ? insertNewTicketsOnSqlite(trx, items) : insertNewTicketsOnPostgres(trx, items)
}

export function newTicketRows(t: NewTicket): NewTicketRows {
  const ticket: TicketRow = {
    id: newId(),
    account_id: t.accountId,
    number: 0,
    subject: t.subject,
    status: 'new',
    priority: t.priority,
    category: t.category,
    channel: t.channel,
    customer_id: t.customerId,
    assignee_id: t.assigneeId,
    team_id: t.teamId,
    inbox_id: t.inboxId,
    custom_fields: toJson(t.customFields),
    tags: toJson(t.tags),
    message_count: 1,
    first_response_at: null,
    // The customer wrote first: from now on they are waiting for us.
    waiting_since: t.at,
    last_message_at: t.at,
    solved_at: null,
    created_at: t.at,
    updated_at: t.at,
  }
  const message: MessageRow = {
    id: newId(),
    account_id: t.accountId,
    ticket_id: ticket.id,
    kind: 'inbound',
    author_kind: 'customer',
    author_agent_id: null,
    author_customer_id: t.customerId,
    channel: t.channel,
    body_text: t.message.bodyText,
    body_html: t.message.bodyHtml,
    external_id: t.message.externalId,
    delivery_status: null,
    delivery_error: null,
    metadata: toJson(t.message.metadata),
    created_at: t.at,
  }
  const subject = { accountId: t.accountId, subjectType: 'ticket' as const, subjectId: ticket.id, actor: t.actor, at: t.at }
  const appendOnly: AppendOnly = {
    events: [
      ...t.customerRows.events,
      {
        ...subject,
        type: 'ticket.created',
        after: {
          subject: t.subject, status: 'new', priority: t.priority, category: t.category, channel: t.channel,
          customerId: t.customerId, assigneeId: t.assigneeId, teamId: t.teamId, tags: t.tags,
        },
      },
      { ...subject, type: 'message.created', field: 'messages', after: { messageId: message.id, kind: 'inbound' } },
    ],
    // Issue 6 hook: subject and first message are searchable as soon as this commits.
    searchDocuments: [...t.customerRows.searchDocuments, ...newTicketDocuments(ticket, message)],
  }

  return { ticket, message, tags: t.tags, appendOnly }
}

/**
 * SQLite has one writer at a time: plain statements, one per table, for one ticket
 * or for a batch of them (create-new-ticket.ts). Returns the tickets in the order
 * given; a ticket whose first message was a duplicate (same channel and external
 * id) is left out, and the caller must roll back (its rows were written).
 */
export async function insertNewTicketsOnSqlite(trx: Trx, items: readonly NewTicketRows[]): Promise<Created[]> {
  // The events reference the tickets by id only (no foreign key).
  await recordEvents(trx, items.flatMap((i) => i.appendOnly.events))
  await insertNewSearchDocuments(trx, 'sqlite', items.flatMap((i) => i.appendOnly.searchDocuments))
  const configVersions = new Map<string, string>()
  for (const [accountId, mine] of groupBy(items, (i) => i.ticket.account_id)) {
    const { first, configVersion } = await allocateTicketNumbers(trx, accountId, mine.length)
    mine.forEach((i, n) => (i.ticket.number = first + n))
    configVersions.set(accountId, configVersion)
  }
  await insertTicketRows(trx, items.map((i) => i.ticket))
  const stored = await insertMessageRows(trx, items.map((i) => i.message))
  await insertTicketTags(trx, items.flatMap(({ ticket, tags }) => tags.map((tag) => ({ accountId: ticket.account_id, ticketId: ticket.id, tag, updatedAt: ticket.updated_at }))))

  return items.filter((i) => stored.has(i.message.id)).map(({ ticket, message }) => ({ ticket, message, configVersion: configVersions.get(ticket.account_id)! }))
}

/**
 * PostgreSQL: every round trip costs more than the rows it carries. So the numbers
 * (from each account's sequence: no lock held past the call, see
 * ticket-number-sequence.ts), the tickets, their first messages, tags, event-log
 * entries and search documents are written by ONE statement (data-modifying CTEs;
 * foreign keys are checked at its end), for one ticket or for a batch of them
 * (create-new-ticket.ts). Returns the tickets in the order given; a ticket
 * whose first message was a duplicate (same channel and external id) is left out.
 */
export async function insertNewTicketsOnPostgres(trx: Trx, items: readonly NewTicketRows[]): Promise<Created[]> {
  const sequences = new Map<string, string>()
  for (const { ticket } of items) {
    if (!sequences.has(ticket.account_id)) sequences.set(ticket.account_id, await ensureTicketNumberSequence(trx, ticket.account_id))
  }
  // The number comes from the account's sequence, named per row (a batch may span accounts).
  const tickets = items.map(({ ticket: { number: _placeholder, ...columns } }) => ({ ...columns, number_sequence: sequences.get(columns.account_id)! }))
  const ticketColumns = Object.keys(tickets[0]!).filter((c) => c !== 'number_sequence')
  const messages = items.map((i) => i.message)
  const tags = items.flatMap((i) => i.tags.map((tag) => ({ account_id: i.ticket.account_id, ticket_id: i.ticket.id, updated_at: i.ticket.updated_at, tag })))
  const events = eventRows(items.flatMap((i) => i.appendOnly.events))
  const search = postgresSearchArrays(items.flatMap((i) => i.appendOnly.searchDocuments))
  // Each table's rows as arrays (db/rows-as-arrays.ts): the statement's text is the same for every batch.
  const rows = await trx
    .with('t', (db) => db.insertInto('tickets').columns([...ticketColumns, 'number'] as Array<keyof TicketRow>)
      .expression(rowsAsArrays(tickets, [...ticketColumns, 'number_sequence'], [
        ...ticketColumns.map((c) => (c === 'message_count' ? sql`u.message_count::integer` : c)),
        sql`nextval(u.number_sequence::regclass)`,
      ]))
      .returning(['id', 'number', 'account_id']))
    .with('m', (db) => {
      const columns = Object.keys(messages[0]!) as Array<keyof MessageRow>
      const insert = db.insertInto('messages').columns(columns).expression(rowsAsArrays(messages as unknown as Array<Record<string, unknown>>, columns))

      return (messages.every((m) => m.external_id === null) ? insert : insert.onConflict((oc) => oc.columns(['account_id', 'channel', 'external_id']).doNothing())).returning('ticket_id')
    })
    .with('g', (db) => db.insertInto('ticket_tags').columns(['account_id', 'ticket_id', 'updated_at', 'tag']).expression(rowsAsArrays(tags, ['account_id', 'ticket_id', 'updated_at', 'tag'])).returning('tag'))
    .with('e', (db) => db.insertInto('events').columns(EVENT_COLUMNS).expression(rowsAsArrays(events as Array<Record<string, unknown>>, EVENT_COLUMNS)).returning('id'))
    // Every ticket has search documents (its subject, its first message).
    .with('s', (db) => db.insertInto('search_documents').columns(search.columns).expression(search.select).returning('id'))
    .selectFrom('t')
    .innerJoin('accounts', 'accounts.id', 't.account_id')
    // A join, not a count per ticket: that scanned `m` once per ticket (64 × 64 rows for a full batch).
    .leftJoin('m', 'm.ticket_id', 't.id')
    .select(['t.id', 't.number', 'accounts.config_version', 'm.ticket_id as inserted'])
    .execute()
  const byId = new Map(rows.map((row) => [row.id, row]))

  return items.flatMap(({ ticket, message }) => {
    const row = byId.get(ticket.id)!
    if (row.inserted === null) return []

    return [{ ticket: { ...ticket, number: Number(row.number) }, message, configVersion: row.config_version }]
  })
}
