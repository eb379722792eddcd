import { isUtf8 } from 'node:buffer'
import iconv from 'iconv-lite'
import { decodeBytes, detectCharset, japaneseCharset } from './charsets.ts'

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/

export interface RepairResult {
  raw: Buffer
  /** The charset the raw 8-bit headers were read as, when some needed it. */
  decodedAs: string | null
}

/**
 * Headers must be ASCII (RFC 5322), but Japanese mailers still write raw Shift_JIS,
 * EUC-JP or ISO-2022-JP into Subject, From and attachment file names. mailparser
 * reads header bytes as UTF-8, which would turn those into U+FFFD. This rewrites
 * only such header blocks (the message's own and each MIME part's) as UTF-8, which
 * mailparser then reads correctly; bodies are left byte for byte as they were.
 */
export function repairRawHeaders(raw: Buffer): RepairResult {
  const blocks = headerBlocks(raw)
  const dirty = blocks.filter(([start, end]) => needsRepair(raw.subarray(start, end)))
  if (dirty.length === 0) return { raw, decodedAs: null }

  const sample = Buffer.concat(dirty.map(([s, e]) => raw.subarray(s, e)))
  const charset = headerCharset(raw, sample)
  const pieces: Buffer[] = []
  let at = 0
  for (const [start, end] of dirty) {
    pieces.push(raw.subarray(at, start))
    pieces.push(Buffer.from(decodeBytes(raw.subarray(start, end), charset), 'utf8'))
    at = end
  }
  pieces.push(raw.subarray(at))

  return { raw: Buffer.concat(pieces), decodedAs: charset }
}

/**
 * Raw header bytes carry no label. ISO-2022-JP shows itself by its escapes; else a
 * charset the message declares for its body is the best hint (the mailer used one
 * setting for both); else the Japanese charsets if they decode cleanly; else
 * Windows-1252, which decodes any byte.
 */
function headerCharset(raw: Buffer, sample: Buffer): string {
  const detected = detectCharset(sample)
  if (detected === 'iso-2022-jp') return detected
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(raw.subarray(0, 65536).toString('latin1'))?.[1]?.toLowerCase()
  if (declared && !/^(us-ascii|ascii|utf-?8)$/.test(declared) && (japaneseCharset(declared) || iconv.encodingExists(declared))) {
    return declared
  }
  for (const candidate of detected === 'euc-jp' ? ['euc-jp', 'cp932'] : ['cp932', 'euc-jp']) {
    const text = decodeBytes(sample, candidate)
    // Latin-1 accents also pair up into valid CP932 kanji ("ção" → "鈬o"), one at a time;
    // real Japanese has kana or runs of kanji.
    if (!text.includes('\uFFFD') && /[\u3000-\u30ff\uff01-\uff9f]|[\u4e00-\u9fff]{2}/.test(text)) return candidate
  }

  return 'windows-1252'
}

function needsRepair(block: Buffer): boolean {
  let high = false
  for (const b of block) {
    if (b === 0x1b) return true
    if (b >= 0x80) high = true
  }

  if (!high || isUtf8(block)) return false
  // Mostly valid UTF-8 with a character cut off (a truncated file name) is still UTF-8.
  const text = block.toString('utf8')
  const bad = text.split('\uFFFD').length - 1
  // eslint-disable-next-line no-control-regex -- counting non-ASCII characters
  const good = (text.match(/[^\x00-\x7f\uFFFD]/g) ?? []).length

  return good < 4 * bad
}

/** [start, end) byte ranges of the top header block and of every MIME part's header block. */
function headerBlocks(raw: Buffer): Array<[number, number]> {
  const blocks: Array<[number, number]> = []
  const top = blockEnd(raw, 0)
  blocks.push([0, top])
  let from = top
  for (;;) {
    const hit = raw.indexOf('\n--', from)
    if (hit < 0) break
    const lineEnd = raw.indexOf(0x0a, hit + 1)
    if (lineEnd < 0) break
    const next = raw.subarray(lineEnd + 1, Math.min(raw.length, lineEnd + 200)).toString('latin1')
    if (HEADER_LINE.test(next)) {
      const end = blockEnd(raw, lineEnd + 1)
      blocks.push([lineEnd + 1, end])
      from = end
    } else {
      from = lineEnd
    }
  }

  return blocks
}

/** Index just past the header block starting at `start` (before the blank line). */
function blockEnd(raw: Buffer, start: number): number {
  const crlf = raw.indexOf('\r\n\r\n', start)
  const lf = raw.indexOf('\n\n', start)
  const ends = [crlf, lf].filter((i) => i >= 0)

  return ends.length === 0 ? raw.length : Math.min(...ends)
}
