import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { AuthorKind, Channel, MessageKind, TicketPriority, TicketStatus } from '@madoguchi/shared'

export interface TicketTable {
  id: string
  account_id: string
  number: number
  subject: string
  status: TicketStatus
  priority: TicketPriority
  category: string | null
  channel: Channel
  customer_id: string
  assignee_id: string | null
  team_id: string | null
  inbox_id: string | null
  /** JSON object text */
  custom_fields: Generated<string>
  /** JSON array text, denormalized copy of ticket_tags for display */
  tags: Generated<string>
  message_count: Generated<number>
  first_response_at: string | null
  /** Since when the customer has been waiting for us (null when it is our turn is over). */
  waiting_since: string | null
  last_message_at: string | null
  solved_at: string | null
  created_at: string
  updated_at: string
}
export type TicketRow = Selectable<TicketTable>
export type NewTicketRow = Insertable<TicketTable>
export type TicketUpdate = Updateable<TicketTable>

export interface TicketTagTable {
  account_id: string
  ticket_id: string
  tag: string
  /** Copy of the ticket's updated_at: the sort key of the tag-filtered list (kept in step by updateTicketRow). */
  updated_at: string
}

export interface MessageTable {
  id: string
  account_id: string
  ticket_id: string
  kind: MessageKind
  author_kind: AuthorKind
  author_agent_id: string | null
  author_customer_id: string | null
  channel: Channel
  body_text: string
  /** Sanitized HTML, safe to display. */
  body_html: string | null
  /** Provider id (Message-ID, LINE message id); unique per account and channel. */
  external_id: string | null
  delivery_status: string | null
  delivery_error: string | null
  /** JSON object text */
  metadata: Generated<string>
  created_at: string
}
export type MessageRow = Selectable<MessageTable>
export type NewMessageRow = Insertable<MessageTable>
