import type { CreateTicketInput, CreatedTicketView, TicketCustomerSummary } from '@madoguchi/shared'
import type { CustomerRow } from '../customers/resolve-customer-for-ticket.ts'
import type { Deps } from '../deps.ts'
import { createNewTicket } from './create-new-ticket.ts'
import { sanitizeMessageHtml } from './message-html.ts'
import type { Viewer } from './ticket-access.ts'
import { withoutNulls } from './ticket-fields.ts'
import { assertAssignableAgent, assertTeamExists } from './ticket-references.ts'
import type { TicketRow } from './ticket.table.ts'
import { toTicketView } from './ticket-view.ts'

export function customerSummaryOf(row: CustomerRow): TicketCustomerSummary {
  return { id: row.id, crn: row.crn, displayName: row.display_name, isVip: row.is_vip === 1, handleWithCare: row.handle_with_care === 1 }
}

/**
 * `POST /tickets`: an agent records a customer's request (a call, a walk-in, a
 * form). One transaction (createNewTicket): the customer (found or created), the
 * next ticket number, the ticket, its tags, the customer's first message and the
 * events; the realtime notice goes out only after it commits.
 */
export async function createTicket(deps: Deps, viewer: Viewer, input: CreateTicketInput): Promise<CreatedTicketView> {
  const now = deps.clock.now().toISOString()
  const actor = { kind: 'agent' as const, id: viewer.agentId }
  if (input.assigneeId) await assertAssignableAgent(deps.db, viewer.accountId, input.assigneeId)
  if (input.teamId) await assertTeamExists(deps.db, viewer.accountId, input.teamId)
  const bodyHtml = sanitizeMessageHtml(input.message.html)

  const { ticket, customer, created } = await createNewTicket(deps, {
    customer: input.customer,
    actor,
    ticket: {
      accountId: viewer.accountId,
      subject: input.subject,
      channel: input.channel,
      priority: input.priority ?? 'normal',
      category: input.category ?? null,
      tags: input.tags ?? [],
      assigneeId: input.assigneeId ?? null,
      teamId: input.teamId ?? null,
      inboxId: null,
      customFields: withoutNulls(input.customFields),
      message: { bodyText: input.message.body, bodyHtml, externalId: null, metadata: {} },
      at: now,
    },
  })

  return createdTicketView(ticket, customer, created)
}

/** A new ticket as the API answers its creation: with its customer and whether that customer is new. */
export function createdTicketView(ticket: TicketRow, customer: CustomerRow, created: boolean): CreatedTicketView {
  const summary = customerSummaryOf(customer)

  return { ...toTicketView(ticket, summary), customer: { ...summary, created } }
}
