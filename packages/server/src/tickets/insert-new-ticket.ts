import type { Channel, TicketPriority } from '@madoguchi/shared'
import type { EventInput } from '../audit/record-event.ts'
import { recordEvents } from '../audit/record-event.ts'
import type { Trx } from '../db/database.ts'
import { toJson } from '../db/json.ts'
import { newId } from '../lib/ids.ts'
import { insertMessageRow } from './message.repo.ts'
import { allocateTicketNumber, insertTicketRow, insertTicketTags } from './ticket.repo.ts'
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
}

/**
 * The statements every ticket creation runs, in one transaction the caller owns.
 * The ticket number is taken first and holds the account row's lock until commit
 * (PostgreSQL), so the rest is kept to a few inserts.
 * Returns null when the first message is a duplicate of one already stored (same
 * channel and external id); the caller must then roll back.
 */
export async function insertNewTicket(trx: Trx, t: NewTicket): Promise<{ ticket: TicketRow; message: MessageRow } | null> {
  const number = await allocateTicketNumber(trx, t.accountId)
  const ticket: TicketRow = {
    id: newId(),
    account_id: t.accountId,
    number,
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
  await insertTicketRow(trx, ticket)
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
  if (!(await insertMessageRow(trx, message))) return null
  await insertTicketTags(trx, t.accountId, ticket.id, t.tags)
  const subject = { accountId: t.accountId, subjectType: 'ticket' as const, subjectId: ticket.id, actor: t.actor, at: t.at }
  await recordEvents(trx, [
    {
      ...subject,
      type: 'ticket.created',
      after: {
        number, subject: t.subject, status: 'new', priority: t.priority, category: t.category, channel: t.channel,
        customerId: t.customerId, assigneeId: t.assigneeId, teamId: t.teamId, tags: t.tags,
      },
    },
    { ...subject, type: 'message.created', field: 'messages', after: { messageId: message.id, kind: 'inbound' } },
  ])

  return { ticket, message }
}
