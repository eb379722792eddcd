import { isUtf8 } from 'node:buffer'
import iconv from 'iconv-lite'
import Encoding from 'encoding-japanese'

/**
 * Japanese charset handling shared by the parser and the sender.
 *
 * "Shift_JIS" in real mail is nearly always Windows-31J (CP932): Outlook, Windows
 * Mail and Japanese phones write NEC/IBM extensions such as ① and Ⅰ and map the
 * full-width tilde ～ (U+FF5E) to 0x8160. Decoding with strict JIS X 0208 tables
 * would lose ① and turn ～ into 〜 (U+301C). iconv-lite's `shift_jis` table is the
 * CP932 one (checked in charsets.test.ts), and we route every Shift_JIS alias to
 * `cp932` so that stays true whatever name the message uses.
 */
const SJIS_ALIASES = /^(?:x-)?(?:s(?:hift)?[-_]?jis|sjis|ms[-_]?kanji|windows-31j|cp[-_]?932|ms[-_]?932|csshiftjis|x-sjis)$/i
const JIS_ALIASES = /^(?:iso-?2022-?jp(?:-\d)?|csiso2022jp|jis)$/i
const EUC_ALIASES = /^(?:x-)?euc-?jp$|^cseucpkdfmtjapanese$/i

export type JapaneseCharset = 'cp932' | 'iso-2022-jp' | 'euc-jp'

export function japaneseCharset(name: string | undefined | null): JapaneseCharset | null {
  const n = (name ?? '').trim()
  if (SJIS_ALIASES.test(n)) return 'cp932'
  if (JIS_ALIASES.test(n)) return 'iso-2022-jp'
  if (EUC_ALIASES.test(n)) return 'euc-jp'

  return null
}

/** Decodes bytes in one of the Japanese charsets (or anything iconv-lite knows); never throws. */
export function decodeBytes(bytes: Buffer, charset: string): string {
  // Most mail: the same as iconv-lite's UTF-8 decoder, without its codec lookup.
  if (/^(?:utf-?8|us-ascii)$/i.test(charset)) return bytes.toString('utf8')
  const japanese = japaneseCharset(charset)
  try {
    if (japanese === 'iso-2022-jp' && bytes.some((b) => b >= 0x80)) {
      // 7-bit by definition: 8-bit bytes mean the label is wrong (EUC-JP sent as "iso-2022-jp").
      const actual = detectCharset(bytes)

      return decodeBytes(bytes, actual === 'iso-2022-jp' || actual === 'us-ascii' ? 'cp932' : actual)
    }
    if (japanese === 'iso-2022-jp') {
      // encoding-japanese decodes JIS with the CP932 extensions (NEC row 13: ①) that
      // iPhone and Outlook write into ISO-2022-JP; iconv-lite has no ISO-2022-JP at all.
      return Encoding.convert(bytes, { to: 'UNICODE', from: 'JIS', type: 'string' })
    }
    if (japanese === 'cp932') return decodeCp932(bytes)
    if (japanese) return iconv.decode(bytes, japanese)
    if (iconv.encodingExists(charset)) return iconv.decode(bytes, charset)
  } catch {
    // fall through to UTF-8: a garbled string beats a lost message
  }

  return bytes.toString('utf8')
}

/**
 * CP932 with its user-defined area (lead bytes 0xF0–0xF9) mapped to U+E000–U+E757,
 * as Windows does. Japanese phones put their emoji there; iconv-lite has no mapping
 * for it and would emit U+FFFD plus a stray half-width katakana for the trail byte.
 */
function decodeCp932(bytes: Buffer): string {
  let out = ''
  let start = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) {
      const trail = bytes[i + 1]
      if (b >= 0xf0 && b <= 0xf9 && trail !== undefined && trail >= 0x40 && trail <= 0xfc && trail !== 0x7f) {
        out += iconv.decode(bytes.subarray(start, i), 'cp932')
        out += String.fromCharCode(0xe000 + (b - 0xf0) * 188 + trail - (trail < 0x80 ? 0x40 : 0x41))
        start = i + 2
      }
      i++
    }
  }

  return start === 0 ? iconv.decode(bytes, 'cp932') : out + iconv.decode(bytes.subarray(start), 'cp932')
}

/**
 * Guesses the charset of raw 8-bit text that declares none (headers written by old
 * Japanese mailers): UTF-8 when valid, ISO-2022-JP when it has JIS escapes, else
 * whichever of CP932 / EUC-JP the byte patterns fit.
 */
export function detectCharset(bytes: Buffer): 'utf-8' | JapaneseCharset | 'us-ascii' {
  // eslint-disable-next-line no-control-regex -- matching control bytes is the point here
  if (bytes.includes(0x1b) && /\x1b\$[@B]/.test(bytes.toString('latin1'))) return 'iso-2022-jp'
  let high = false
  for (const b of bytes) {
    if (b >= 0x80) {
      high = true
      break
    }
  }
  if (!high) return 'us-ascii'
  if (isUtf8(bytes)) return 'utf-8'
  // The full detector weighs the byte patterns; restricted to a list it returns the first that merely fits.
  const guess = Encoding.detect(bytes)
  if (guess === 'EUCJP') return 'euc-jp'
  if (guess === 'SJIS') return 'cp932'

  return scoreGuess(bytes)
}

/** When the detector gives up, prefer the decoding that yields fewer replacement characters. */
function scoreGuess(bytes: Buffer): 'cp932' | 'euc-jp' {
  const bad = (s: string) => (s.match(/[\uFFFD\u30FB]/g) ?? []).length
  const sjis = decodeCp932(bytes)
  const euc = iconv.decode(bytes, 'euc-jp')

  return bad(euc) < bad(sjis) ? 'euc-jp' : 'cp932'
}

/** Encodes outgoing text; ISO-2022-JP through CP932 so ① and ～ survive (CP50221 style). */
export function encodeText(text: string, charset: 'utf-8' | 'iso-2022-jp'): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8')
  const codes = Encoding.convert(Encoding.stringToCode(text), { to: 'JIS', from: 'UNICODE' })

  return Buffer.from(codes)
}
