import type { MessageView, PostMessageInput } from '@madoguchi/shared'
import type { EventInput } from '../audit/record-event.ts'
import { recordEvents } from '../audit/record-event.ts'
import { parseJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import { ticketHooks } from '../automation/ticket-hooks.ts'
import { enqueueJob } from '../jobs/enqueue.ts'
import { AppError } from '../lib/app-error.ts'
import { newId } from '../lib/ids.ts'
import { indexNewMessage } from '../search/search-documents.ts'
import { sanitizeMessageHtml } from './message-html.ts'
import { insertMessageRow } from './message.repo.ts'
import type { TicketRef, Viewer } from './ticket-access.ts'
import { lockVisibleTicket } from './ticket-access.ts'
import { updateTicketRow } from './ticket.repo.ts'
import type { MessageRow, TicketUpdate } from './ticket.table.ts'
import { toMessageView } from './ticket-view.ts'

/** Job that sends an outbound message through its channel (implemented by the channel adapters). */
export const DELIVER_MESSAGE_JOB = 'message.deliver'

/**
 * An agent writes on a ticket. A `reply` goes to the customer: it is queued for
 * delivery in the same transaction (outbox), answers the customer's wait, stamps
 * the first response and moves a new ticket to open. A `note` is internal: it is
 * never delivered and changes no clock.
 */
export async function postTicketMessage(deps: Deps, viewer: Viewer, ref: TicketRef, input: PostMessageInput): Promise<MessageView> {
  const now = deps.clock.now().toISOString()
  const actor = { kind: 'agent' as const, id: viewer.agentId }
  const reply = input.kind === 'reply'
  const bodyHtml = sanitizeMessageHtml(input.html)

  const hooks = ticketHooks(deps)
  const { message, ticket, opened } = await deps.transact(async (trx) => {
    const ticket = await lockVisibleTicket(trx, deps.dialect, viewer, ref)
    if (reply && ticket.status === 'closed') throw new AppError('ticket.closed')
    const message: MessageRow = {
      id: newId(),
      account_id: viewer.accountId,
      ticket_id: ticket.id,
      kind: reply ? 'outbound' : 'note',
      author_kind: 'agent',
      author_agent_id: viewer.agentId,
      author_customer_id: null,
      channel: ticket.channel,
      body_text: input.body,
      body_html: bodyHtml,
      external_id: null,
      delivery_status: reply ? 'queued' : null,
      delivery_error: null,
      metadata: '{}',
      created_at: now,
    }
    await insertMessageRow(trx, message)
    // Issue 6 hook: searchable as soon as this commits (a note: by agents only).
    await indexNewMessage(trx, deps.dialect, message, ticket)

    const set: TicketUpdate = { message_count: Number(ticket.message_count) + 1, updated_at: now }
    const subject = { accountId: viewer.accountId, subjectType: 'ticket' as const, subjectId: ticket.id, actor, at: now }
    const events: EventInput[] = [{ ...subject, type: 'message.created', field: 'messages', after: { messageId: message.id, kind: message.kind } }]
    if (reply) {
      set.last_message_at = now
      set.waiting_since = null
      if (ticket.first_response_at === null) set.first_response_at = now
      if (ticket.status === 'new') {
        set.status = 'open'
        events.push({ ...subject, type: 'ticket.status_changed', field: 'status', before: 'new', after: 'open' })
      }
      await enqueueJob(trx, DELIVER_MESSAGE_JOB, { messageId: message.id }, { accountId: viewer.accountId, dedupeKey: message.id, now: deps.clock.now() })
    }
    await updateTicketRow(trx, viewer.accountId, ticket.id, set, parseJson<string[]>(ticket.tags, []))
    await recordEvents(trx, events)
    // Issue 7 hook: a reply answers the first/next-response SLA clocks (automation/ticket-hooks.ts).
    const after = reply ? await hooks.replied(trx, ticket, { ...ticket, ...set }) : { ...ticket, ...set }

    return { message, ticket: after, opened: set.status !== undefined }
  })
  hooks.publish()

  deps.realtime.publish(viewer.accountId, {
    type: 'message.created', ticketId: ticket.id, messageId: message.id, kind: message.kind, teamId: ticket.team_id, at: now,
  })
  if (opened) {
    deps.realtime.publish(viewer.accountId, {
      type: 'ticket.updated', ticketId: ticket.id, number: Number(ticket.number), teamId: ticket.team_id, assigneeId: ticket.assignee_id, fields: ['status'], at: now,
    })
  }

  return toMessageView(message)
}
