import type { ParsedEmail } from './parsed-email.ts'

export interface FailedRecipient {
  address: string
  /** Enhanced status code such as 5.1.1, when the report gives one. */
  status: string | null
  reason: string
}

const EMAIL = /[A-Za-z0-9._%+\-=']+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/
const DAEMON_LOCAL = /^(mailer-daemon|post_?master|mail-daemon|maildaemon|bounce[s]?|mdaemon|mailer|noreply-dmarc-support)$/i

/**
 * Who could not be reached and why, from a delivery-status part (RFC 3464) when
 * there is one, else X-Failed-Recipients, else the addresses the vendor's prose
 * names next to its error text.
 */
export function failedRecipients(email: ParsedEmail): FailedRecipient[] {
  const fromDsn = email.reportParts.flatMap(parseDeliveryStatus)
  if (fromDsn.length > 0) return dedupe(fromDsn)
  const fromSes = sesRecipients(email.text)
  if (fromSes.length > 0) return dedupe(fromSes)
  const header = (email.headers['x-failed-recipients'] ?? []).flatMap((v) => v.split(/[,\s]+/)).filter((a) => EMAIL.test(a))
  const reason = diagnosticFromText(email.text)
  if (header.length > 0) return dedupe(header.map((a) => ({ address: a.toLowerCase(), status: statusIn(reason), reason })))

  return dedupe(addressesInProse(email).map((address) => ({ address, status: statusIn(reason), reason })))
}

/** Amazon SES notification JSON: bouncedRecipients / complainedRecipients. */
function sesRecipients(text: string): FailedRecipient[] {
  if (!/\\?"notificationType\\?"\s*:\s*\\?"(Bounce|Complaint)/.test(text)) return []
  const diagnostic = /\\?"diagnosticCode\\?"\s*:\s*\\?"([^"\\]*)/.exec(text)?.[1] ?? 'delivery failed'

  return [...text.matchAll(/\\?"emailAddress\\?"\s*:\s*\\?"([^"\\]+)/g)].map((m) => ({
    address: (m[1] ?? '').toLowerCase(),
    status: statusIn(diagnostic),
    reason: diagnostic.replace(/^[\w-]+\s*;\s*/, '').slice(0, 500),
  }))
}

function parseDeliveryStatus(part: string): FailedRecipient[] {
  if (!/^(final|original)-recipient\s*:/im.test(part)) return []
  const out: FailedRecipient[] = []
  for (const block of part.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ').split(/\n\s*\n/)) {
    const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'im').exec(block)?.[1]?.trim() ?? null
    const recipient = field('final-recipient') ?? field('original-recipient')
    if (!recipient) continue
    const address = EMAIL.exec(recipient)?.[0]
    const action = field('action')?.toLowerCase() ?? 'failed'
    if (!address || !/fail|delay/.test(action)) continue
    const diagnostic = field('diagnostic-code')?.replace(/^[\w-]+\s*;\s*/, '') ?? ''
    const status = field('status')
    out.push({ address: address.toLowerCase(), status, reason: (diagnostic || status || action).slice(0, 500) })
  }

  return out
}

const FAILURE_LINE = /(user unknown|unknown user|no such (user|mailbox)|does not exist|mailbox (unavailable|full|not found)|over quota|quota exceeded|rejected|refused|not found|undeliverable|unrouteable|permanent|host not found|invalid (recipient|address)|address unknown|550|551|552|553|554|5\.\d\.\d+|4\.\d\.\d+|宛先|存在しません|届きません|送信できません|エラー)/i

function diagnosticFromText(text: string): string {
  const line = text.split('\n').map((l) => l.trim()).find((l) => FAILURE_LINE.test(l) && l.length > 4)

  return (line ?? 'delivery failed').slice(0, 500)
}

function statusIn(reason: string): string | null {
  return /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(reason)?.[1] ?? null
}

/** Addresses the failure text names, minus daemons and the report's own headers' parties. */
function addressesInProse(email: ParsedEmail): string[] {
  const ownParties = new Set([email.from?.address, ...email.to.map((a) => a.address)].filter(Boolean))
  const head = email.text.split(/\n-{2,}\s*(original message|元のメッセージ)|^Received:/im)[0] ?? email.text
  const found: string[] = []
  for (const match of head.matchAll(new RegExp(EMAIL.source, 'g'))) {
    const address = match[0].toLowerCase().replace(/^[.']+|[.']+$/g, '')
    const local = address.split('@')[0] ?? ''
    if (DAEMON_LOCAL.test(local) || ownParties.has(address) || found.includes(address)) continue
    found.push(address)
    if (found.length >= 5) break
  }

  return found
}

function dedupe(list: FailedRecipient[]): FailedRecipient[] {
  const seen = new Map<string, FailedRecipient>()
  for (const r of list) if (!seen.has(r.address)) seen.set(r.address, r)

  return [...seen.values()]
}

/**
 * The Message-ID of the mail that bounced: from the returned message or its headers
 * (message/rfc822, text/rfc822-headers), else a Message-ID line quoted in the text,
 * else In-Reply-To (some vendors thread their bounce to the original).
 */
export function originalMessageId(email: ParsedEmail): string | null {
  for (const source of [...email.reportParts, email.text]) {
    for (const match of source.matchAll(/^\s*>?\s*message-id\s*:\s*<([^<>\s]+)>/gim)) {
      if (match[1] && match[1] !== email.messageId) return match[1]
    }
    const ses = /"name"\s*:\s*"Message-ID"\s*,\s*"value"\s*:\s*"<([^<>"\s]+)>"/i.exec(source)?.[1]
    if (ses) return ses
  }

  return email.inReplyTo[0] ?? null
}

export function isDaemonAddress(address: string | undefined): boolean {
  const local = address?.split('@')[0] ?? ''

  return DAEMON_LOCAL.test(local)
}
