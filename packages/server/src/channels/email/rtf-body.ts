import { deEncapsulateSync, Tokenize } from 'rtf-stream-parser'
import { ToPlainText } from 'rtf-stream-parser/dist/src/ToPlainText.js'
import { decodeBytes } from './charsets.ts'
import { decompressRtf } from './compressed-rtf.ts'
import { charsetOfCodepage } from './windows-codepages.ts'

export type RtfBody = { text: string; html: null } | { text: null; html: string }
export type RtfBodyResult = RtfBody | { error: 'not_rtf' | 'too_deep' }

/**
 * Larger RTF bodies (pictures embedded in the rich text) are not read: the mail keeps
 * winmail.dat. The RTF parser reads about 1 MB in 0.4–0.7 s here; 2 MB keeps a hostile
 * body well inside the parse worker's timeout.
 */
const MAX_RTF_BYTES = 2 * 1024 * 1024

/**
 * Outlook's "Rich Text" mail, whose only body is PR_RTF_COMPRESSED inside winmail.dat:
 * its body, or null, with what to note on the message either way.
 */
export function bodyOfCompressedRtf(value: Buffer): { body: RtfBody | null; warnings: string[] } {
  const decompressed = decompressRtf(value, MAX_RTF_BYTES)
  if ('error' in decompressed) return { body: null, warnings: [`tnef.rtf_unreadable:${decompressed.error}`] }
  const body = rtfBody(decompressed.rtf)
  if ('error' in body) return { body: null, warnings: [...decompressed.warnings, `tnef.rtf_unreadable:${body.error}`] }
  if (!(body.text ?? body.html).trim()) return { body: null, warnings: [...decompressed.warnings, 'tnef.rtf_unreadable:empty'] }

  return { body, warnings: decompressed.warnings }
}

/** rtf-stream-parser names code pages "cp<number>" (\ansicpg, \fcharset): decoded as the rest of mail is, CP932 included. */
const decode = (bytes: Buffer, name: string): string => decodeBytes(bytes, /^cp\d+$/.test(name) ? charsetOfCodepage(Number(name.slice(2))) : name)
const ignore = () => {}

/**
 * The body a mail program can show from Outlook's RTF: the HTML or text Outlook
 * wrapped in RTF (\fromhtml1, \fromtext — what it sends for HTML and plain mail)
 * taken out as it was, else the text of real rich text (paragraphs, tabs, \'hh in
 * the document's code page, \uN).
 */
export function rtfBody(bytes: Buffer): RtfBodyResult {
  if (!bytes.subarray(0, 16).toString('latin1').startsWith('{\\rtf')) return { error: 'not_rtf' }
  if (groupDepth(bytes) > MAX_GROUP_DEPTH) return { error: 'too_deep' }
  const rtf = withoutBadHexEscapes(bytes)
  try {
    const result = deEncapsulateSync(rtf, { mode: 'either', decode, warn: ignore })
    const out = String(result.text)

    return result.mode === 'html' ? { text: null, html: out } : { text: out.replace(/\r\n/g, '\n'), html: null }
  } catch {
    // Not wrapped HTML or text: rich text written in Outlook itself.
  }
  try {
    return { text: plainText(rtf).replace(/\r\n/g, '\n'), html: null }
  } catch {
    return { error: 'not_rtf' }
  }
}

/**
 * Outlook nests groups a few levels deep. The parser's time grows much faster than the
 * depth (2 MB of "{" took 15 s, past the parse timeout): deeper input is not read.
 */
const MAX_GROUP_DEPTH = 100

function groupDepth(rtf: Buffer): number {
  let depth = 0
  let deepest = 0
  for (let i = 0; i < rtf.length; i++) {
    const byte = rtf[i]
    if (byte === 0x5c) i++ // a backslash escapes what follows: \{ and \} are text
    else if (byte === 0x7b) deepest = Math.max(deepest, ++depth)
    else if (byte === 0x7d) depth--
  }

  return deepest
}

/**
 * The tokenizer writes "Bad hex digit" to the console for every \\' not followed by
 * two hex digits (it takes no logger): a hostile body could fill the server's log.
 * Outlook never writes one; they become "?" (an escaped backslash before the quote is left alone).
 */
function withoutBadHexEscapes(rtf: Buffer): Buffer {
  const text = rtf.toString('latin1')
  const clean = text.replace(/(?<!\\)((?:\\\\)*)\\'(?![0-9a-f]{2})/gi, '$1?')

  return clean === text ? rtf : Buffer.from(clean, 'latin1')
}

/** ToPlainText is a stream; fed synchronously here, as the library's own deEncapsulateSync feeds its de-encapsulator. */
function plainText(rtf: Buffer): string {
  const fail = (error: unknown) => {
    if (error) throw error
  }
  const tokens = new Tokenize()
  const text = new ToPlainText({ decode, warn: ignore })
  const chunks: string[] = []
  tokens.push = (token: unknown) => {
    text._transform(token as never, 'utf8', fail)

    return true
  }
  text.push = (chunk: unknown) => {
    chunks.push(String(chunk))

    return true
  }
  tokens._transform(rtf, 'buffer', fail)
  tokens._flush(() => {})
  text._flush(fail)

  return chunks.join('')
}
