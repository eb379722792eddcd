import { createHmac } from 'node:crypto'
import type { ParsedEmail } from './parsed-email.ts'

/** What a reply may carry that leads back to its ticket, strongest first. */
export interface ThreadKeys {
  /** In-Reply-To first, then References newest to oldest. */
  messageIds: string[]
  /** Ticket tokens from plus-addressed recipients (support+t<number>k<mac>@…). */
  tickets: Array<{ number: number; mac: string }>
  /** `[#123]` in the subject: weakest, only trusted for the ticket's own customer. */
  subjectNumbers: number[]
}

const TOKEN = /\+t(\d{1,10})k([a-z0-9]{8})@/i
const SUBJECT_TAG = /\[#(\d{1,10})\]/g
const RECIPIENT_HEADERS = ['delivered-to', 'x-original-to', 'envelope-to', 'x-rcpt-to']

export function threadKeys(email: ParsedEmail, envelopeRecipients: string[] = []): ThreadKeys {
  const messageIds = [...email.inReplyTo, ...[...email.references].reverse()]
    .filter((id, i, all) => all.indexOf(id) === i)
    .slice(0, 50)
  const recipients = [
    ...envelopeRecipients,
    ...email.to.map((a) => a.address),
    ...email.cc.map((a) => a.address),
    ...RECIPIENT_HEADERS.flatMap((h) => email.headers[h] ?? []),
  ]
  const tickets: ThreadKeys['tickets'] = []
  for (const r of recipients) {
    const match = TOKEN.exec(r)
    if (match && !tickets.some((t) => t.mac === match[2]!.toLowerCase())) {
      tickets.push({ number: Number(match[1]), mac: match[2]!.toLowerCase() })
    }
  }
  const subjectNumbers = [...email.subject.matchAll(SUBJECT_TAG)].map((m) => Number(m[1]))

  return { messageIds, tickets, subjectNumbers: [...new Set(subjectNumbers)] }
}

/**
 * The reply-to token for a ticket: its number plus a MAC under the inbox's secret,
 * so a stranger cannot address mail into someone else's ticket by guessing numbers,
 * and no lookup table is needed to read it back.
 */
export function ticketTokenMac(secret: string, ticketNumber: number): string {
  const digest = createHmac('sha256', secret).update(`ticket:${ticketNumber}`).digest()
  let out = ''
  for (const byte of digest.subarray(0, 8)) out += '0123456789abcdefghijklmnopqrstuv'[byte % 32]

  return out
}

/** support@example.com → support+t42k1a2b3c4d@example.com */
export function replyAddressFor(inboxAddress: string, secret: string, ticketNumber: number): string {
  const at = inboxAddress.lastIndexOf('@')

  return `${inboxAddress.slice(0, at)}+t${ticketNumber}k${ticketTokenMac(secret, ticketNumber)}${inboxAddress.slice(at)}`
}

/** Strips a `+tag` so plus-addressed mail reaches the inbox that owns the base address. */
export function baseAddress(address: string): string {
  return address.toLowerCase().replace(/\+[^@]*@/, '@')
}
