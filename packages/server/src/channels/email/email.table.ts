import type { Generated, Insertable, Selectable } from 'kysely'

export interface InboxTable {
  id: string
  account_id: string
  name: string
  channel: 'email'
  /** JSON array of normalized addresses (mirrored in inbox_addresses for routing). */
  addresses: Generated<string>
  /** JSON object, see InboxSettings in @madoguchi/shared. */
  settings: Generated<string>
  secret: string
  active: Generated<number>
  created_at: string
  updated_at: string
}
export type InboxRow = Selectable<InboxTable>

export interface InboxAddressTable {
  address: string
  account_id: string
  inbox_id: string
}

export type RawEmailOutcome = 'received' | 'ticket_created' | 'appended' | 'bounce' | 'auto_reply' | 'duplicate' | 'refused'

export interface RawEmailTable {
  id: string
  account_id: string
  inbox_id: string
  source: 'smtp' | 'imap' | 'api'
  dedupe_key: string
  message_id_header: string | null
  sha256: string
  size: number
  content: Buffer | null
  storage_key: string | null
  envelope_from: string | null
  /** JSON array */
  envelope_to: Generated<string>
  sender: string | null
  /** `received` until processed: a crash in between leaves it to be processed again. */
  outcome: RawEmailOutcome
  reason: string | null
  /** JSON array of parser warnings */
  parse_warnings: Generated<string>
  ticket_id: string | null
  message_id: string | null
  received_at: string
  processed_at: string | null
}
export type RawEmailRow = Selectable<RawEmailTable>
export type NewRawEmailRow = Insertable<RawEmailTable>

export interface AttachmentTable {
  id: string
  account_id: string
  raw_email_id: string | null
  message_id: string | null
  ticket_id: string | null
  filename: string
  content_type: string
  size: number
  sha256: string
  content: Buffer | null
  storage_key: string | null
  content_id: string | null
  inline: Generated<number>
  refused_reason: string | null
  created_at: string
}
export type AttachmentRow = Selectable<AttachmentTable>
export type NewAttachmentRow = Insertable<AttachmentTable>

export type OutboundStatus = 'queued' | 'sent' | 'failed'

export interface EmailOutboundTable {
  /** messages.id of the reply (or the acknowledgement's own id). */
  message_id: string
  account_id: string
  inbox_id: string
  ticket_id: string
  kind: 'reply' | 'ack'
  rfc_message_id: string
  to_address: string
  status: OutboundStatus
  attempts: Generated<number>
  last_error: string | null
  sent_at: string | null
  failed_at: string | null
  bounce_raw_email_id: string | null
  created_at: string
  updated_at: string
}
export type EmailOutboundRow = Selectable<EmailOutboundTable>
