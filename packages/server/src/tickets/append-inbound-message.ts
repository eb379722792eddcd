import type { Channel, MessageView } from '@madoguchi/shared'
import type { EventInput } from '../audit/record-event.ts'
import { recordEvents } from '../audit/record-event.ts'
import { parseJson, toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import { ticketHooks } from '../automation/ticket-hooks.ts'
import { AppError } from '../lib/app-error.ts'
import { newId } from '../lib/ids.ts'
import { indexNewMessage } from '../search/search-documents.ts'
import { sanitizeMessageHtml } from './message-html.ts'
import { findMessageByExternalId, findMessageByExternalIdSoon, insertMessageRow } from './message.repo.ts'
import { lockTicketRow, updateTicketRow } from './ticket.repo.ts'
import type { MessageRow, TicketUpdate } from './ticket.table.ts'
import { toMessageView } from './ticket-view.ts'

export interface InboundMessageInput {
  accountId: string
  ticketId: string
  channel: Channel
  /** Provider id (Message-ID, LINE message id): the same id twice is stored once. */
  externalId?: string | null
  bodyText: string
  /** Raw HTML from the channel; sanitized here. */
  bodyHtml?: string | null
  /** Keep http(s) images in bodyHtml (an email inbox's `allowRemoteImages`). */
  remoteImages?: boolean
  authorCustomerId: string
  metadata?: Record<string, unknown>
}

export interface InboundMessageResult {
  message: MessageView
  /** True when this external id was already stored: nothing was written this time. */
  duplicate: boolean
  /** True when the message brought a solved (or pending / on-hold) ticket back to open. */
  reopened: boolean
}

/**
 * A customer's message arriving on an existing ticket through a channel (email,
 * chat, LINE). Idempotent on (account, channel, external id), so a redelivered
 * webhook or mail is a no-op. The customer is now waiting for us: waiting_since is
 * set (kept if already waiting), and a ticket that was solved, pending or on hold
 * goes back to open. A closed ticket is final: `ticket.closed` tells the channel to
 * open a follow-up ticket instead (createTicketFromInbound).
 */
export async function appendInboundMessage(deps: Deps, input: InboundMessageInput): Promise<InboundMessageResult> {
  const externalId = input.externalId ?? null
  if (externalId !== null) {
    const existing = await findMessageByExternalIdSoon(deps.db, input.accountId, input.channel, externalId)
    if (existing) return { message: toMessageView(existing), duplicate: true, reopened: false }
  }
  const now = deps.clock.now().toISOString()
  const actor = { kind: 'customer' as const, id: input.authorCustomerId }
  const bodyHtml = sanitizeMessageHtml(input.bodyHtml, { remoteImages: input.remoteImages })

  const hooks = ticketHooks(deps)
  const result = await deps.transact(async (trx) => {
    const ticket = await lockTicketRow(trx, deps.dialect, input.accountId, input.ticketId)
    if (!ticket) throw new AppError('ticket.not_found')
    if (ticket.status === 'closed') throw new AppError('ticket.closed', { ticketId: ticket.id, number: Number(ticket.number) })
    const message: MessageRow = {
      id: newId(),
      account_id: input.accountId,
      ticket_id: ticket.id,
      kind: 'inbound',
      author_kind: 'customer',
      author_agent_id: null,
      author_customer_id: input.authorCustomerId,
      channel: input.channel,
      body_text: input.bodyText,
      body_html: bodyHtml,
      external_id: externalId,
      delivery_status: null,
      delivery_error: null,
      metadata: toJson(input.metadata ?? {}),
      created_at: now,
    }
    // A concurrent delivery of the same message may have won since the check above.
    if (!(await insertMessageRow(trx, message))) return null
    // Issue 6 hook: searchable as soon as this commits.
    await indexNewMessage(trx, deps.dialect, message, ticket)

    const subject = { accountId: input.accountId, subjectType: 'ticket' as const, subjectId: ticket.id, actor, at: now }
    const events: EventInput[] = [{ ...subject, type: 'message.created', field: 'messages', after: { messageId: message.id, kind: 'inbound' } }]
    const set: TicketUpdate = {
      message_count: Number(ticket.message_count) + 1,
      last_message_at: now,
      waiting_since: ticket.waiting_since ?? now,
      updated_at: now,
    }
    const reopened = ticket.status === 'solved' || ticket.status === 'pending' || ticket.status === 'on_hold'
    if (reopened) {
      set.status = 'open'
      if (ticket.status === 'solved') set.solved_at = null
      events.push({ ...subject, type: 'ticket.status_changed', field: 'status', before: ticket.status, after: 'open' })
    }
    await updateTicketRow(trx, input.accountId, ticket.id, set, parseJson<string[]>(ticket.tags, []))
    await recordEvents(trx, events)
    // Issue 7 hook: next-response SLA clock, reopened resolution clock, triggers (automation/ticket-hooks.ts).
    const after = await hooks.inbound(trx, ticket, { ...ticket, ...set })

    return { message, ticket: after, reopened }
  })
  hooks.publish()

  if (result === null) {
    const existing = await findMessageByExternalId(deps.db, input.accountId, input.channel, externalId!)

    return { message: toMessageView(existing!), duplicate: true, reopened: false }
  }
  const { message, ticket, reopened } = result
  deps.realtime.publish(input.accountId, { type: 'message.created', ticketId: ticket.id, messageId: message.id, kind: 'inbound', teamId: ticket.team_id, at: now })
  if (reopened) {
    deps.realtime.publish(input.accountId, {
      type: 'ticket.updated', ticketId: ticket.id, number: Number(ticket.number), teamId: ticket.team_id, assigneeId: ticket.assignee_id, fields: ['status'], at: now,
    })
  }

  return { message: toMessageView(message), duplicate: false, reopened }
}
