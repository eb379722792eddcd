/**
 * What the one search box was given. Agents paste whatever the customer said:
 * `#123`, `123`, `c-7k3m 9q2p`, `ｙａｍａｄａ＠example.jp`, `090-1234-5678`,
 * `+81 90 1234 5678`, `山田` or `やまだ`. NFKC first, so full-width input works.
 * Ambiguous input yields several intents, tried together.
 */
export type SearchIntent =
  | { kind: 'ticket'; number: number }
  | { kind: 'crn'; crn: string }
  | { kind: 'email'; email: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'name'; q: string }

const CRN_SHAPE = /^C[0-9A-Z]{8}$/

export function classifySearch(raw: string): SearchIntent[] {
  const text = raw.normalize('NFKC').trim()
  if (!text) return []
  const ticket = /^#\s*(\d{1,10})$/.exec(text)
  if (ticket) return [{ kind: 'ticket', number: Number(ticket[1]) }]
  if (text.includes('@')) return [{ kind: 'email', email: text }]

  const compact = text.toUpperCase().replace(/[\s\-‐‑–—―ー－]/g, '')
  if (CRN_SHAPE.test(compact)) {
    // "Christina" also has this shape: letters only may be a name as well.
    const certain = /\d/.test(compact) || /^C\s*-/i.test(text)

    return certain ? [{ kind: 'crn', crn: text }] : [{ kind: 'crn', crn: text }, { kind: 'name', q: text }]
  }

  const digits = text.replace(/[\s\-‐‑–—―ー－().]/g, '')
  if (/^\+?\d+$/.test(digits)) {
    const count = digits.replace('+', '').length
    // Ticket numbers are short and never start with 0; phone numbers are long or do.
    if (!digits.startsWith('+') && !digits.startsWith('0') && count <= 7) return [{ kind: 'ticket', number: Number(digits) }]
    if (count >= 8 && count <= 15) return [{ kind: 'phone', phone: text }]
  }

  return [{ kind: 'name', q: text }]
}
