/** What the parser makes of one raw message; everything downstream reads only this. */
export interface MailAddress {
  /** Lower-cased, trimmed; the form customers are matched by. */
  address: string
  /** Display name as the sender wrote it (decoded), or ''. */
  name: string
}

export interface ParsedAttachment {
  filename: string
  contentType: string
  size: number
  sha256: string
  /** Without angle brackets; set for parts referenced from the HTML (`cid:`). */
  contentId: string | null
  inline: boolean
  /** Null when refused (type or size); the reason is in `refusedReason`. */
  content: Buffer | null
  refusedReason: string | null
}

export interface ParsedEmail {
  /** Message-ID without angle brackets, or null when the message has none. */
  messageId: string | null
  inReplyTo: string[]
  references: string[]
  subject: string
  from: MailAddress | null
  replyTo: MailAddress[]
  to: MailAddress[]
  cc: MailAddress[]
  /** ISO timestamp from the Date header, null when missing or unparseable. */
  date: string | null
  /** Lower-cased header name → decoded values (every occurrence). */
  headers: Record<string, string[]>
  text: string
  /** Sanitized HTML; `cid:` image links are kept for the store to rewrite. */
  html: string | null
  attachments: ParsedAttachment[]
  /** Machine-readable notes about what was wrong with the message and how it was read. */
  warnings: string[]
  /** Top-level Content-Type (lower-cased value) and its report-type, for classification. */
  contentType: string
  reportType: string | null
  /** Decoded text of message/delivery-status and text/rfc822-headers parts (bounces). */
  reportParts: string[]
}
