export interface FoldedText {
  /** What the sender wrote this time. */
  newPart: string
  /** Quoted history below it (null when none); shown folded, one click away. */
  quoted: string | null
  signature: string | null
}

/** Lines that open the quoted history, in the mail programs' own words (en and ja). */
const QUOTE_HEADERS: RegExp[] = [
  /^-{2,}\s*(original message|forwarded message|元のメッセージ|転送メッセージ|オリジナルメッセージ)\s*-{2,}/i,
  /^_{10,}\s*$/,
  /^on\b.{0,200}\bwrote:\s*$/i,
  /^.{0,200}(さんは書きました|さんが書きました|wrote)\s*[:：]\s*$/i,
  /^\d{4}[年/.-]\s?\d{1,2}[月/.-]\s?\d{1,2}日?.{0,120}[:：]\s*$/,
  /^(from|差出人|送信者)\s*[:：].+$/i,
  /^>?\s*-----\s*Original Message\s*-----/i,
]
/** Header-ish lines that must follow a bare `From:` for it to count as a quote header. */
const QUOTED_FIELDS = /^(sent|date|to|subject|送信日時|日時|宛先|件名)\s*[:：]/i
const SIGNATURE_SEPARATORS = /^(--\s?|[-=_*＊＝━─―~～]{8,}|[-=_*＊＝━─―~～](\s?[-=_*＊＝━─―~～]){5,})$/
const MOBILE_SIGNATURES = /^(sent from my (iphone|ipad|android|mobile)|iphoneから送信|ipadから送信|android(携帯|スマートフォン)?から送信|get outlook for (ios|android)|outlook for (ios|android) を入手)/i

/**
 * Splits a message body into the new part, the quoted history and the signature.
 * Conservative: when in doubt, text stays in the new part (an agent must never
 * miss what the customer wrote), and a body that would come out empty is kept whole.
 */
export function foldQuotes(text: string): FoldedText {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  let cut = lines.length
  for (let i = 0; i < lines.length; i++) {
    if (isQuoteStart(lines, i)) {
      cut = i
      break
    }
  }
  // A trailing run of `>` lines (with blank lines between) is history too.
  let end = cut
  while (end > 0 && (/^\s*>/.test(lines[end - 1]!) || lines[end - 1]!.trim() === '')) end--
  if (end < cut && lines.slice(end, cut).some((l) => /^\s*>/.test(l))) cut = end
  const quoted = lines.slice(cut).join('\n').trim()
  let body = lines.slice(0, cut)
  let signature: string | null = null
  const sigAt = signatureStart(body)
  if (sigAt !== null) {
    signature = body.slice(sigAt).join('\n').trim() || null
    body = body.slice(0, sigAt)
  }
  const newPart = body.join('\n').trim()
  if (!newPart) return { newPart: text.trim(), quoted: null, signature: null }

  return { newPart, quoted: quoted || null, signature }
}

function isQuoteStart(lines: string[], i: number): boolean {
  const line = lines[i]!.trim()
  if (!line) return false
  // "On Mon, 1 Jan 2024 at 10:00, Name <a@b>\nwrote:" is wrapped by some clients.
  const joined = i + 1 < lines.length ? `${line} ${lines[i + 1]!.trim()}` : line
  if (/^on\b.{0,200}\bwrote:\s*$/i.test(joined) && !/^on\b.{0,200}\bwrote:\s*$/i.test(line) && /wrote:\s*$/i.test(lines[i + 1] ?? '')) {
    return true
  }
  for (const pattern of QUOTE_HEADERS) {
    if (!pattern.test(line)) continue
    if (/^(from|差出人|送信者)\s*[:：]/i.test(line) || /^_{10,}$/.test(line)) {
      return lines.slice(i + 1, i + 6).some((l) => QUOTED_FIELDS.test(l.trim()) || /^(from|差出人)\s*[:：]/i.test(l.trim()))
    }

    return true
  }

  return false
}

/** Index of the signature's first line, looked for in the last 15 lines only. */
function signatureStart(lines: string[]): number | null {
  const from = Math.max(1, lines.length - 15)
  for (let i = lines.length - 1; i >= from; i--) {
    const line = lines[i]!.trim()
    if (MOBILE_SIGNATURES.test(line)) return i
  }
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (SIGNATURE_SEPARATORS.test(line) && lines.slice(0, i).some((l) => l.trim())) return i
  }

  return null
}
