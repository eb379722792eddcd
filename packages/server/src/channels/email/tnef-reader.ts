import { decodeBytes } from './charsets.ts'
import { charsetOfCodepage as charsetOf } from './windows-codepages.ts'
import { Cursor, PT_BINARY, PT_OBJECT, PT_STRING8, PT_UNICODE, readProps, TnefError } from './tnef-properties.ts'
import type { Prop, Props } from './tnef-properties.ts'

export { TnefError }

/**
 * A small reader for TNEF (winmail.dat, application/ms-tnef; [MS-OXTNEF]), written
 * here because the npm reader (node-tnef) drags a logger and a CLI framework in for
 * a few hundred lines of parsing. It takes what a help desk needs: the attached
 * files (long name, MIME tag, bytes) and the plain or HTML body, or the compressed
 * RTF body (PR_RTF_COMPRESSED) when Outlook wrote no other, for rtf-body.ts to read if
 * the mail needs it; attached Outlook items (attach method 5, a forwarded mail) give
 * their files and their sender, subject, date and body, two levels deep.
 *
 * Untrusted input: every length is checked against the buffer before it is used,
 * counts are capped, and the only error thrown is TnefError, so the caller can keep
 * winmail.dat as a plain file instead.
 */

export interface TnefFile {
  name: string | null
  mimeType: string | null
  contentId: string | null
  data: Buffer
}

export interface TnefMessage {
  files: TnefFile[]
  text: string | null
  html: string | null
  /** The PR_RTF_COMPRESSED value when it is the only body (read it with bodyOfCompressedRtf). */
  rtfCompressed: Buffer | null
  /** Outlook items attached to this message (and to those), in order. */
  items: TnefItem[]
  warnings: string[]
}

/** A forwarded Outlook item: who sent it, when, about what, and its body as TnefMessage has it. */
export interface TnefItem extends Pick<TnefMessage, 'text' | 'html' | 'rtfCompressed'> {
  subject: string | null
  from: string | null
  /** ISO 8601, from PR_CLIENT_SUBMIT_TIME or else PR_MESSAGE_DELIVERY_TIME. */
  sentAt: string | null
}

export interface TnefLimits {
  maxFiles: number
  maxAttributes: number
  maxProperties: number
  maxValues: number
}

const DEFAULT_LIMITS: TnefLimits = { maxFiles: 100, maxAttributes: 20_000, maxProperties: 10_000, maxValues: 1_000 }
const SIGNATURE = 0x223e9f78
const LEVEL_ATTACHMENT = 0x02

// Attribute ids (low 16 bits of AttrID; the high bits repeat the type).
const ATT_BODY = 0x800c
const ATT_ATTACH_DATA = 0x800f
const ATT_ATTACH_TITLE = 0x8010
const ATT_ATTACH_REND_DATA = 0x9002
const ATT_MSG_PROPS = 0x9003
const ATT_ATTACHMENT = 0x9005
const ATT_OEM_CODEPAGE = 0x9007

// MAPI property ids.
const PR_BODY = 0x1000
const PR_RTF_COMPRESSED = 0x1009
const PR_SUBJECT = 0x0037
const PR_CONVERSATION_TOPIC = 0x0070
const PR_NORMALIZED_SUBJECT = 0x0e1d
const PR_CLIENT_SUBMIT_TIME = 0x0039
const PR_SENDER_NAME = 0x0c1a
const PR_SENDER_EMAIL_ADDRESS = 0x0c1f
const PR_MESSAGE_DELIVERY_TIME = 0x0e06
const PR_BODY_HTML = 0x1013
const PR_DISPLAY_NAME = 0x3001
const PR_ATTACH_DATA = 0x3701
const PR_ATTACH_FILENAME = 0x3704
const PR_ATTACH_METHOD = 0x3705
const PR_ATTACH_LONG_FILENAME = 0x3707
const PR_ATTACH_MIME_TAG = 0x370e
const PR_ATTACH_CONTENT_ID = 0x3712
const PR_INTERNET_CPID = 0x3fde
const ATTACH_EMBEDDED_MSG = 5




interface Pending {
  title: Buffer | null
  data: Buffer | null
  props: Props
}

export function readTnef(buf: Buffer, limits: Partial<TnefLimits> = {}): TnefMessage {
  return readStream(buf, { ...DEFAULT_LIMITS, ...limits }, 0)
}

/** Messages attached to messages are read this deep; their files join the outer list. */
const MAX_NESTING = 2

/** A stream also gives its own header, which an attached item's stream needs (toFiles). */
type Stream = TnefMessage & { header: Pick<TnefItem, 'subject' | 'from' | 'sentAt'> }

function readStream(buf: Buffer, max: TnefLimits, depth: number): Stream {
  const warnings = new Set<string>()
  const cursor = new Cursor(buf)
  if (buf.length < 6 || cursor.u32() !== SIGNATURE) throw new TnefError('signature')
  cursor.u16() // legacy key: unused since Exchange 5.5
  let codepage = 1252
  let bodyAttr: Buffer | null = null
  let messageProps: Props = new Map()
  const attachments: Pending[] = []
  let current: Pending | null = null
  let count = 0
  while (cursor.left > 0) {
    if (++count > max.maxAttributes) throw new TnefError('too_many_attributes')
    const level = cursor.u8()
    const id = cursor.u32() & 0xffff
    const data = cursor.take(cursor.u32())
    const checksum = cursor.u16()
    if (sum16(data) !== checksum) warnings.add('tnef.checksum_mismatch')
    if (id === ATT_ATTACH_REND_DATA || (level === LEVEL_ATTACHMENT && !current)) {
      if (attachments.length >= max.maxFiles) {
        warnings.add('tnef.too_many_files')
        current = { title: null, data: null, props: new Map() } // read on, keep nothing
      } else {
        current = { title: null, data: null, props: new Map() }
        attachments.push(current)
      }
    }
    if (id === ATT_OEM_CODEPAGE && data.length >= 4) codepage = data.readUInt32LE(0)
    else if (id === ATT_BODY) bodyAttr = data
    else if (id === ATT_MSG_PROPS) messageProps = readProps(data, max, warnings)
    else if (id === ATT_ATTACH_TITLE && current) current.title = data
    else if (id === ATT_ATTACH_DATA && current) current.data = data
    else if (id === ATT_ATTACHMENT && current) current.props = readProps(data, max, warnings)
  }

  const files: TnefFile[] = []
  const items: TnefItem[] = []
  for (const a of attachments) {
    const found = toFiles(a, codepage, warnings, max, depth)
    for (const file of found.files) {
      // A forwarded item often carries the same file as the mail around it: list it once.
      const known = files.some((f) => f.name === file.name && f.data.equals(file.data))
      if (!known && files.length < max.maxFiles) files.push(file)
    }
    items.push(...found.items.slice(0, max.maxFiles - items.length))
  }
  const body = messageBody(messageProps, bodyAttr, codepage)

  return { files, ...body, items, warnings: [...warnings], header: itemHeader(messageProps, codepage) }
}

function itemHeader(props: Props, codepage: number): Pick<TnefItem, 'subject' | 'from' | 'sentAt'> {
  const name = stringProp(props, PR_SENDER_NAME, codepage)?.trim()
  // Exchange writes an X.500 path ("/O=…/CN=…") for its own users: not an address anyone can use.
  const address = stringProp(props, PR_SENDER_EMAIL_ADDRESS, codepage)?.trim()
  const mail = address && address.includes('@') && !address.startsWith('/') ? address : null

  return {
    // Tasks and meetings carry their title only as the normalized subject or the conversation topic.
    subject: [PR_SUBJECT, PR_NORMALIZED_SUBJECT, PR_CONVERSATION_TOPIC].map((id) => stringProp(props, id, codepage)?.trim()).find(Boolean) ?? null,
    from: name && mail && name !== mail ? `${name} <${mail}>` : name || mail || null,
    sentAt: fileTime(props.get(PR_CLIENT_SUBMIT_TIME) ?? props.get(PR_MESSAGE_DELIVERY_TIME)),
  }
}

/** PT_SYSTIME: 100-ns ticks since 1601-01-01 UTC. */
function fileTime(prop: Prop | undefined): string | null {
  if (!prop || prop.value.length < 8) return null
  const ms = Number(prop.value.readBigUInt64LE(0) / 10_000n) - 11_644_473_600_000
  const date = new Date(ms)

  return Number.isFinite(date.getTime()) && date.getUTCFullYear() > 1980 && date.getUTCFullYear() < 3000 ? date.toISOString() : null
}

function toFiles(a: Pending, codepage: number, warnings: Set<string>, max: TnefLimits, depth: number): { files: TnefFile[]; items: TnefItem[] } {
  const method = a.props.get(PR_ATTACH_METHOD)
  const dataProp = a.props.get(PR_ATTACH_DATA)
  if (method && method.value.length >= 4 && method.value.readUInt32LE(0) === ATTACH_EMBEDDED_MSG) {
    // A forwarded Outlook item: its PT_OBJECT value is a 16-byte IID, then a TNEF stream of its own.
    if (depth >= MAX_NESTING || dataProp?.type !== PT_OBJECT || dataProp.value.length < 16) {
      warnings.add('tnef.embedded_message_skipped')

      return { files: [], items: [] }
    }
    try {
      const inner = readStream(dataProp.value.subarray(16), max, depth + 1)
      for (const w of inner.warnings) warnings.add(w)
      const item: TnefItem = { ...inner.header, text: inner.text, html: inner.html, rtfCompressed: inner.rtfCompressed }

      return { files: inner.files, items: [item, ...inner.items] }
    } catch (error) {
      if (!(error instanceof TnefError)) throw error
      warnings.add(`tnef.embedded_message_${error.reason}`)

      return { files: [], items: [] }
    }
  }
  const file = toFile(a, dataProp, codepage, warnings)

  return { files: file ? [file] : [], items: [] }
}

function toFile(a: Pending, dataProp: Prop | undefined, codepage: number, warnings: Set<string>): TnefFile | null {
  // PT_OBJECT values start with the 16-byte interface id of what follows.
  const data = a.data ?? (dataProp?.type === PT_BINARY ? dataProp.value : dataProp?.type === PT_OBJECT && dataProp.value.length >= 16 ? dataProp.value.subarray(16) : null)
  if (!data) {
    warnings.add('tnef.attachment_without_data')

    return null
  }
  const name = stringProp(a.props, PR_ATTACH_LONG_FILENAME, codepage) ?? stringProp(a.props, PR_DISPLAY_NAME, codepage)
    ?? (a.title ? string8(a.title, codepage) : null) ?? stringProp(a.props, PR_ATTACH_FILENAME, codepage)

  return {
    name: name || null,
    mimeType: stringProp(a.props, PR_ATTACH_MIME_TAG, codepage)?.trim().toLowerCase() || null,
    contentId: stringProp(a.props, PR_ATTACH_CONTENT_ID, codepage)?.trim() || null,
    data,
  }
}

function messageBody(props: Props, bodyAttr: Buffer | null, oemCodepage: number): Pick<TnefMessage, 'text' | 'html' | 'rtfCompressed'> {
  const cpid = props.get(PR_INTERNET_CPID)
  const codepage = cpid && cpid.value.length >= 4 ? cpid.value.readUInt32LE(0) : oemCodepage
  const htmlProp = props.get(PR_BODY_HTML)
  const html = htmlProp ? (htmlProp.type === PT_UNICODE ? utf16(htmlProp.value) : htmlString(htmlProp.value, codepage)) : null
  const text = stringProp(props, PR_BODY, codepage) ?? (bodyAttr ? string8(bodyAttr, oemCodepage) : null)
  const body = { text: text?.trim() ? text : null, html: html?.trim() ? html : null }

  return { ...body, rtfCompressed: body.text || body.html ? null : props.get(PR_RTF_COMPRESSED)?.value ?? null }
}


function stringProp(props: Props, id: number, codepage: number): string | null {
  const p = props.get(id)
  if (!p) return null
  if (p.type === PT_UNICODE) return utf16(p.value)
  if (p.type === PT_STRING8 || p.type === PT_BINARY) return string8(p.value, codepage)

  return null
}

function utf16(bytes: Buffer): string {
  return bytes.subarray(0, bytes.length - (bytes.length % 2)).toString('utf16le').replace(/\0+$/, '')
}

function string8(bytes: Buffer, codepage: number): string {
  const end = bytes.indexOf(0)

  return decodeBytes(end >= 0 ? bytes.subarray(0, end) : bytes, charsetOf(codepage))
}

/** HTML bytes in the charset their <meta> names, else in the message's code page. */
function htmlString(bytes: Buffer, codepage: number): string {
  const meta = /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1]
  const end = bytes.indexOf(0)

  return decodeBytes(end >= 0 ? bytes.subarray(0, end) : bytes, meta ?? charsetOf(codepage))
}

function sum16(bytes: Buffer): number {
  let sum = 0
  for (let i = 0; i < bytes.length; i++) sum += bytes[i]!

  return sum & 0xffff
}
