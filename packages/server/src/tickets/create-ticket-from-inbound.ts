import type { Channel, CreatedTicketView, CustomFieldValue, CustomerRef, MessageView, TicketCategory, TicketPriority } from '@madoguchi/shared'
import { TICKET_LIMITS, normalizeTag } from '@madoguchi/shared'
import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { DuplicateFirstMessage, createNewTicket } from './create-new-ticket.ts'
import { createdTicketView } from './create-ticket.ts'
import { viewTicketRow } from './get-ticket.ts'
import { sanitizeMessageHtml } from './message-html.ts'
import { findMessageByExternalIdSoon } from './message.repo.ts'
import { withoutNulls } from './ticket-fields.ts'
import { findTicketRow } from './ticket.repo.ts'
import { toMessageView } from './ticket-view.ts'

export interface InboundTicketInput {
  accountId: string
  channel: Channel
  /** Provider id of the first message (Message-ID, LINE message id): makes the call idempotent. */
  externalId?: string | null
  /** Trimmed and cut to the subject limit; empty → the first line of the body. */
  subject: string
  /** How the channel knows the sender; an unknown sender becomes a new customer. */
  customer: CustomerRef
  bodyText: string
  /** Raw HTML from the channel; sanitized here. */
  bodyHtml?: string | null
  /** Keep http(s) images in bodyHtml (an email inbox's `allowRemoteImages`). */
  remoteImages?: boolean
  metadata?: Record<string, unknown>
  priority?: TicketPriority
  category?: TicketCategory | null
  tags?: readonly string[]
  teamId?: string | null
  assigneeId?: string | null
  inboxId?: string | null
  customFields?: Record<string, CustomFieldValue>
  /**
   * The channel's own bookkeeping (e.g. the raw email's outcome), written in the
   * transaction that creates the ticket: one commit instead of two, and no window
   * in which the ticket exists but the channel does not know it.
   */
  inTransaction?: (trx: Trx, created: { ticketId: string; messageId: string }) => Promise<void>
}

export interface InboundTicketResult {
  /** The ticket; on a duplicate, the ticket the first delivery created (as it is now). */
  ticket: CreatedTicketView
  message: MessageView
  /** True when this external id was already stored: nothing was written this time. */
  duplicate: boolean
}

function subjectOf(subject: string, body: string): string {
  const text = subject.trim() || body.trim().split('\n', 1)[0]!.trim() || '(件名なし)'

  return [...text].slice(0, TICKET_LIMITS.subject).join('')
}

function tagsOf(tags: readonly string[] | undefined): string[] {
  const clean = (tags ?? []).map(normalizeTag).filter((t) => t !== '' && t.length <= TICKET_LIMITS.tagLength)

  return [...new Set(clean)].slice(0, TICKET_LIMITS.tags)
}

/**
 * A new ticket from a channel (a first email, a chat, a LINE message): the
 * customer is found or created, the message is stored as the first inbound
 * message, all in one transaction (createNewTicket: on PostgreSQL together with
 * the other tickets being created at the same moment). Idempotent on (account, channel, external id):
 * a redelivery returns the ticket the first one made, with `duplicate: true`.
 * Callers validate channel-specific input; this trusts its arguments' types but
 * bounds subject and tags itself (mail subjects can be any length).
 */
export async function createTicketFromInbound(deps: Deps, input: InboundTicketInput): Promise<InboundTicketResult> {
  const externalId = input.externalId ?? null
  const duplicateOf = async (): Promise<InboundTicketResult | null> => {
    const message = externalId === null ? undefined : await findMessageByExternalIdSoon(deps.db, input.accountId, input.channel, externalId)
    const ticket = message && (await findTicketRow(deps.db, input.accountId, message.ticket_id))
    if (!message || !ticket) return null
    const view = await viewTicketRow(deps.db, ticket)

    return { ticket: { ...view, customer: { ...view.customer, created: false } }, message: toMessageView(message), duplicate: true }
  }
  const earlier = await duplicateOf()
  if (earlier) return earlier

  try {
    const { ticket, message, customer, created } = await createNewTicket(deps, {
      customer: input.customer,
      actor: 'customer',
      ticket: {
        accountId: input.accountId,
        subject: subjectOf(input.subject, input.bodyText),
        channel: input.channel,
        priority: input.priority ?? 'normal',
        category: input.category ?? null,
        tags: tagsOf(input.tags),
        assigneeId: input.assigneeId ?? null,
        teamId: input.teamId ?? null,
        inboxId: input.inboxId ?? null,
        customFields: withoutNulls(input.customFields),
        message: { bodyText: input.bodyText, bodyHtml: sanitizeMessageHtml(input.bodyHtml, { remoteImages: input.remoteImages }), externalId, metadata: input.metadata ?? {} },
        at: deps.clock.now().toISOString(),
      },
      ...(input.inTransaction ? { inTransaction: input.inTransaction } : {}),
    })

    return { ticket: createdTicketView(ticket, customer, created), message: toMessageView(message), duplicate: false }
  } catch (error) {
    // Lost a race to another delivery of the same message: answer with what that one made.
    if (!(error instanceof DuplicateFirstMessage)) throw error
    const winner = await duplicateOf()
    if (!winner) throw new Error('duplicate inbound message vanished')

    return winner
  }
}
