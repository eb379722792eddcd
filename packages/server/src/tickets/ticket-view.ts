import type { CustomFieldValue, MessageView, TicketCustomerSummary, TicketEventView, TicketSlaSummary, TicketView } from '@madoguchi/shared'
import type { EventRow } from '../audit/audit.table.ts'
import { parseJson } from '../db/json.ts'
import type { MessageRow, TicketRow } from './ticket.table.ts'

/** Shown when a ticket's customer row cannot be loaded (never expected; keeps lists rendering). */
function unknownCustomer(id: string): TicketCustomerSummary {
  return { id, crn: '', displayName: '', isVip: false, handleWithCare: false }
}

/** The one place where ticket rows become API views (snake_case stops here). */
export function toTicketView(row: TicketRow, customer: TicketCustomerSummary | undefined, sla?: TicketSlaSummary): TicketView {
  return {
    id: row.id,
    number: Number(row.number),
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    category: row.category,
    channel: row.channel,
    customer: customer ?? unknownCustomer(row.customer_id),
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    tags: parseJson<string[]>(row.tags, []),
    customFields: parseJson<Record<string, CustomFieldValue>>(row.custom_fields, {}),
    messageCount: Number(row.message_count),
    firstResponseAt: row.first_response_at,
    waitingSince: row.waiting_since,
    lastMessageAt: row.last_message_at,
    solvedAt: row.solved_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    // Lists pass the SLA badge (sla/load-sla-summaries.ts); single-ticket views have GET /tickets/:id/sla.
    ...(sla ? { slaDueAt: sla.slaDueAt, slaState: sla.slaState, slaMetric: sla.slaMetric, slaPaused: sla.slaPaused } : {}),
  }
}

export function toMessageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    kind: row.kind,
    authorKind: row.author_kind,
    authorAgentId: row.author_agent_id,
    authorCustomerId: row.author_customer_id,
    channel: row.channel,
    body: row.body_text,
    html: row.body_html,
    externalId: row.external_id,
    deliveryStatus: row.delivery_status,
    deliveryError: row.delivery_error,
    metadata: parseJson<Record<string, unknown>>(row.metadata, {}),
    createdAt: row.created_at,
  }
}

export function toTicketEventView(row: EventRow): TicketEventView {
  return {
    id: row.id,
    type: row.type,
    actor: { kind: row.actor_kind, id: row.actor_id },
    field: row.field,
    before: parseJson<unknown>(row.before, null),
    after: parseJson<unknown>(row.after, null),
    createdAt: row.created_at,
  }
}
