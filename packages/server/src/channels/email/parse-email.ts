import { createHash } from 'node:crypto'
import { simpleParser } from 'mailparser'
import type { AddressObject, Attachment, HeaderValue, ParsedMail } from 'mailparser'
import type { MailAddress, ParsedAttachment, ParsedEmail } from './parsed-email.ts'
import { repairRawHeaders } from './repair-raw-headers.ts'
import { salvageAddress, salvageHeaders } from './salvage-headers.ts'
import { sanitizeEmailHtml } from './sanitize-email-html.ts'
import { decodeBytes, detectCharset } from './charsets.ts'
import { MailparserIconv } from './mailparser-iconv.ts'
import { textOfHtml } from './text-of-html.ts'
import { tnefBodyOf, unpackTnefParts } from './unpack-tnef.ts'
import type { AttachmentPart } from './unpack-tnef.ts'

export interface ParseOptions {
  maxAttachmentBytes?: number
  maxAttachments?: number
  allowRemoteImages?: boolean
}

export const DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
const DEFAULT_MAX_ATTACHMENTS = 100
/** Files a mail client would run on double-click: kept out of the help desk. */
const BLOCKED_EXTENSIONS = /\.(exe|com|bat|cmd|scr|pif|vbs|vbe|js|jse|wsf|wsh|msi|msp|hta|cpl|jar|ps1|lnk|reg|scf)$/i
const REPORT_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status', 'text/rfc822-headers',
  'message/rfc822', 'message/feedback-report', 'message/disposition-notification'])

/**
 * Raw RFC 5322 bytes → ParsedEmail. Never throws: a message that cannot be parsed
 * comes back with its best-effort text and a `parse.failed` warning, because a
 * customer's mail must be stored even when their mailer wrote it badly.
 */
export async function parseEmail(raw: Buffer, options: ParseOptions = {}): Promise<ParsedEmail> {
  const warnings: string[] = []
  const repaired = repairRawHeaders(raw)
  if (repaired.decodedAs) warnings.push(`header.raw_8bit:${repaired.decodedAs}`)
  let mail: ParsedMail
  try {
    mail = await simpleParser(repaired.raw, {
      // textAsHtml and link detection are never used: skipping them halves the parse time.
      keepCidLinks: true, keepDeliveryStatus: true, skipTextLinks: true, skipTextToHtml: true, skipImageLinks: true, Iconv: MailparserIconv,
    })
  } catch (error) {
    warnings.push(`parse.failed:${error instanceof Error ? error.message.slice(0, 120) : 'unknown'}`)

    return fallbackParse(raw, warnings)
  }
  checkStructure(repaired.raw, mail, warnings)
  const headers = headerMap(mail)
  const contentType = structured(mail.headers.get('content-type'))
  const attachments: ParsedAttachment[] = []
  const reportParts: string[] = []
  const maxAttachments = options.maxAttachments ?? DEFAULT_MAX_ATTACHMENTS
  const unpacked = await unpackTnefParts(mail.attachments.slice(0, maxAttachments).map(fromMailparser), warnings, maxAttachments)
  const { parts } = unpacked
  for (const part of parts.slice(0, maxAttachments)) {
    if (REPORT_TYPES.has(part.contentType.toLowerCase())) reportParts.push(part.content.toString('utf8'))
    attachments.push(toAttachment(part, options, warnings))
  }
  if (mail.attachments.length > maxAttachments || parts.length > maxAttachments) warnings.push('attachment.too_many')
  let htmlSource = typeof mail.html === 'string' && mail.html ? mail.html : null
  let text = (mail.text ?? '').replace(/\r\n/g, '\n')
  // Outlook sent the body only inside winmail.dat.
  const tnefBody = !text.trim() && !htmlSource ? tnefBodyOf(unpacked, warnings) : null
  if (tnefBody) {
    htmlSource = tnefBody.html
    text = (tnefBody.text ?? (htmlSource ? await textOfHtml(htmlSource) : '')).replace(/\r\n/g, '\n')
  }
  const html = htmlSource ? sanitizeEmailHtml(htmlSource, options) : null
  if (!text.trim() && !html && mail.attachments.length === 0) {
    text = recoverBody(repaired.raw)
    if (text) warnings.push('mime.body_recovered')
  }

  return withoutNul({
    messageId: firstId(mail.messageId),
    inReplyTo: idsOf(headers['in-reply-to']),
    references: idsOf(headers['references']),
    // Our own decoding of the raw line: CP932 emoji and unknown charsets fare better than in libmime.
    subject: (headers['subject']?.[0] ?? mail.subject ?? '').trim(),
    from: addresses(mail.from)[0] ?? null,
    replyTo: addresses(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    date: validDate(headers['date']?.[0]),
    headers,
    text,
    html,
    attachments,
    warnings,
    contentType: contentType?.value.toLowerCase() ?? 'text/plain',
    reportType: contentType?.params['report-type']?.toLowerCase() ?? null,
    reportParts,
  })
}

/**
 * NUL characters (found in broken mail) cannot be stored in PostgreSQL text and
 * show as nothing anyway; every string of the result loses them.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.split('\u0000').join('') : value) as T
  // In place: every object here was made by parseEmail (copying them all cost ~5 % of a parse).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withoutNul(value[i])
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) record[key] = withoutNul(record[key])
  }

  return value
}

function fromMailparser(a: Attachment): AttachmentPart {
  return {
    filename: a.filename, contentType: String(a.contentType || 'application/octet-stream').toLowerCase(), content: a.content,
    contentId: a.contentId ? a.contentId.replace(/^<|>$/g, '') : null, inline: a.contentDisposition === 'inline' || Boolean(a.related),
  }
}

function toAttachment(a: AttachmentPart, options: ParseOptions, warnings: string[]): ParsedAttachment {
  const filename = cleanFilename(a.filename, a.contentType)
  const max = options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES
  let refusedReason: string | null = null
  if (a.content.length > max) refusedReason = 'too_large'
  else if (BLOCKED_EXTENSIONS.test(filename)) refusedReason = 'blocked_type'
  if (refusedReason) warnings.push(`attachment.refused:${refusedReason}`)

  return {
    filename,
    contentType: a.contentType,
    size: a.content.length,
    sha256: createHash('sha256').update(a.content).digest('hex'),
    contentId: a.contentId,
    inline: a.inline,
    content: refusedReason ? null : a.content,
    refusedReason,
  }
}

/** A safe display name: no path parts or control characters, never empty. */
function cleanFilename(name: string | undefined, contentType: string): string {
  // eslint-disable-next-line no-control-regex -- matching control bytes is the point here
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\x00-\x1f\x7f]/g, '').trim() ?? ''
  if (base) return base.slice(0, 255)
  const ext = contentType.split('/')[1]?.replace(/[^a-z0-9.+-]/gi, '') ?? 'bin'

  return `attachment.${ext === 'rfc822' ? 'eml' : ext}`
}

function checkStructure(raw: Buffer, mail: ParsedMail, warnings: string[]): void {
  if (!mail.from) warnings.push('header.from_missing')
  if (!mail.messageId) warnings.push('header.message_id_missing')
  const type = structured(mail.headers.get('content-type'))
  const boundary = type?.params['boundary']
  if (type?.value.toLowerCase().startsWith('multipart/')) {
    if (!boundary) warnings.push('mime.boundary_missing')
    else if (!raw.includes(`--${boundary}--`)) warnings.push('mime.boundary_unclosed')
  }
  if (mail.textConversionError) warnings.push('body.charset_unknown')
}

function structured(value: HeaderValue | undefined): { value: string; params: Record<string, string> } | null {
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string') {
    return value as { value: string; params: Record<string, string> }
  }

  return null
}

/** Header values as plain strings, from the raw lines (decoded), so classification sees everything. */
function headerMap(mail: ParsedMail): Record<string, string[]> {
  const map: Record<string, string[]> = {}
  for (const { key, line } of mail.headerLines ?? []) {
    // mailparser hands header lines over as binary strings; the bytes are UTF-8 by now (ASCII needs no decoding).
    // eslint-disable-next-line no-control-regex -- any byte above 0x7f
    const text = /[^\x00-\x7f]/.test(line) ? Buffer.from(line, 'binary').toString('utf8') : line
    const value = text.slice(text.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()
    ;(map[key] ??= []).push(value.includes('=?') ? decodeWords(value) : value)
  }

  return map
}

function decodeWords(value: string): string {
  // RFC 2047 6.2: whitespace between adjacent encoded words is not part of the text.
  return value.replace(/(=\?[^?]+\?[bqBQ]\?[^?]*\?=)\s+(?==\?[^?]+\?[bqBQ]\?)/g, '$1').replace(/=\?([^?]+)\?([bqBQ])\?([^?]*)\?=/g, (all, charset: string, enc: string, text: string) => {
    try {
      const bytes = enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1')

      return decodeBytes(bytes, charset.split('*')[0] ?? charset)
    } catch {
      return all
    }
  })
}

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = Array.isArray(value) ? value : value ? [value] : []
  const out: MailAddress[] = []
  const visit = (entries: AddressObject['value']) => {
    for (const e of entries) {
      if (e.group) visit(e.group)
      else if (e.address) out.push({ address: e.address.trim().toLowerCase(), name: (e.name ?? '').trim() })
    }
  }
  for (const item of list) visit(item.value)

  return out
}

function firstId(value: string | undefined): string | null {
  return idsOf(value ? [value] : undefined)[0] ?? null
}

/** Message-IDs from In-Reply-To / References, without brackets, in order, unique. */
export function idsOf(values: string[] | undefined): string[] {
  const out: string[] = []
  for (const v of values ?? []) {
    const found = v.match(/<[^<>\s]+>/g)
    const ids = found ? found.map((x) => x.slice(1, -1)) : v.split(/\s+/).filter((x) => x.includes('@'))
    for (const id of ids) if (!out.includes(id)) out.push(id)
  }

  return out
}

function validDate(value: string | undefined): string | null {
  if (!value) return null
  const date = new Date(value)

  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/**
 * Broken MIME (a boundary on a line of its own, unindented) can leave mailparser
 * with no body at all. Rather than show an empty message, show the raw body minus
 * boundary and part-header lines; the original stays one click away.
 */
function recoverBody(raw: Buffer): string {
  const start = raw.indexOf('\n\n') >= 0 ? raw.indexOf('\n\n') : raw.indexOf('\r\n\r\n')
  if (start < 0) return ''
  const body = raw.subarray(start).subarray(0, 256 * 1024)
  const charset = detectCharset(body)
  const text = decodeBytes(body, charset === 'us-ascii' ? 'utf-8' : charset)

  return text.replace(/\r\n/g, '\n').split('\n')
    .filter((line) => !/^--\S+$/.test(line.trim()) && !/^(content-[\w-]+|boundary|charset)\s*[:=]/i.test(line.trim()))
    .join('\n').replace(/\n{3,}/g, '\n\n').trim()
}

/**
 * A message whose parse never finished (its worker hung or died, parse-pool.ts): read
 * as when mailparser gives up, so it is still stored, with the reason as a warning.
 */
export function unparsedEmail(raw: Buffer, reason: string): ParsedEmail {
  return fallbackParse(raw, [`parse.failed:${reason}`])
}

/**
 * When mailparser gives up: the header fields that route the message by hand (so it
 * still reaches its customer and ticket), the body as text in its most likely charset.
 */
function fallbackParse(raw: Buffer, warnings: string[]): ParsedEmail {
  const split = raw.indexOf('\n\n') >= 0 ? raw.indexOf('\n\n') : raw.indexOf('\r\n\r\n')
  const body = split >= 0 ? raw.subarray(split) : raw
  const charset = detectCharset(body)
  const salvaged = salvageHeaders(raw)
  const headers = Object.fromEntries(Object.entries(salvaged).map(([k, values]) => [k, values.map(decodeWords)]))
  const from = salvageAddress(salvaged['from']?.[0])

  return withoutNul({
    messageId: idsOf(headers['message-id']?.slice(0, 1))[0] ?? null, inReplyTo: idsOf(headers['in-reply-to']), references: idsOf(headers['references']),
    subject: (headers['subject']?.[0] ?? '').trim(), from: from ? { address: from.address, name: decodeWords(from.name) } : null,
    replyTo: [], to: [], cc: [], date: validDate(headers['date']?.[0]), headers,
    text: decodeBytes(body, charset === 'us-ascii' ? 'utf-8' : charset).trim(), html: null,
    attachments: [], warnings, contentType: 'text/plain', reportType: null, reportParts: [],
  })
}
