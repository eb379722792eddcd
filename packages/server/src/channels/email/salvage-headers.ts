import type { MailAddress } from './parsed-email.ts'

const MAX_HEAD_BYTES = 64 * 1024
const MAX_FIELDS = 500
const MAX_VALUE = 4_000

/**
 * The header block of a message no parser finished (parse-email.ts fallbackParse),
 * read by hand: lower-cased field name → raw values, unfolded. Enough for the
 * message to reach its customer and its ticket (From, Message-ID, In-Reply-To,
 * References, Subject) and to be classified. The input is hostile by definition,
 * so the work is bounded: the first 64 KB, 500 fields, and linear scans only.
 */
export function salvageHeaders(raw: Buffer): Record<string, string[]> {
  const crlf = raw.indexOf('\r\n\r\n')
  const lf = raw.indexOf('\n\n')
  const ends = [crlf, lf].filter((i) => i >= 0)
  const end = ends.length > 0 ? Math.min(...ends) : raw.length
  // UTF-8: undeclared 8-bit headers are UTF-8 far more often than anything else.
  const head = raw.subarray(0, Math.min(end, MAX_HEAD_BYTES)).toString('utf8')
  const fields: Record<string, string[]> = {}
  let count = 0
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0 || count++ >= MAX_FIELDS) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    if (/^[\x21-\x39\x3b-\x7e]+$/.test(name)) (fields[name] ??= []).push(line.slice(colon + 1, colon + 1 + MAX_VALUE).trim())
  }

  return fields
}

/** The first address of a From-like value: `Name <a@b>` or a bare `a@b`; the name still RFC 2047-encoded. */
export function salvageAddress(value: string | undefined): MailAddress | null {
  if (!value) return null
  // '@' and '<' are outside the repeated classes, so a hostile value cannot make these backtrack.
  const angle = /<([^<>\s@]+@[^<>\s@]+)>/.exec(value)
  const address = angle?.[1] ?? /(?:^|[\s<"',;:()])([^\s<>"',;:()@]+@[^\s<>"',;:()@]+)/.exec(value)?.[1]
  if (!address) return null

  return { address: address.toLowerCase(), name: angle ? value.slice(0, angle.index).trim().replace(/^"(.*)"$/, '$1').trim() : '' }
}
