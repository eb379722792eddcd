import { encodeText } from './charsets.ts'

export interface OutgoingEmail {
  from: { name: string; address: string }
  to: { name: string; address: string }
  replyTo: string
  subject: string
  text: string
  /** Without angle brackets. */
  messageId: string
  inReplyTo: string | null
  references: string[]
  date: Date
  charset: 'utf-8' | 'iso-2022-jp'
  /** Loop protection: our mail is automated only when it is an acknowledgement. */
  autoSubmitted?: 'auto-replied' | null
}

/**
 * The whole message as RFC 5322 bytes. UTF-8 mail uses base64 bodies and RFC 2047
 * B-words; ISO-2022-JP mail (for old Japanese mail systems) is 7-bit JIS, encoded
 * through CP932 tables so ① and ～ survive, with B-words of the same charset.
 */
export function composeEmail(mail: OutgoingEmail): Buffer {
  const charset = mail.charset
  const word = (text: string) => encodedWord(text, charset)
  const headers = [
    `From: ${address(mail.from, word)}`,
    `To: ${address(mail.to, word)}`,
    `Reply-To: <${mail.replyTo}>`,
    `Subject: ${word(mail.subject)}`,
    `Date: ${mail.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${mail.messageId}>`,
    ...(mail.inReplyTo ? [`In-Reply-To: <${mail.inReplyTo}>`] : []),
    ...(mail.references.length > 0 ? [`References: ${mail.references.map((r) => `<${r}>`).join('\r\n ')}`] : []),
    'MIME-Version: 1.0',
    ...(mail.autoSubmitted ? [`Auto-Submitted: ${mail.autoSubmitted}`, 'X-Auto-Response-Suppress: All'] : []),
  ]
  let body: string
  if (charset === 'iso-2022-jp') {
    headers.push('Content-Type: text/plain; charset=ISO-2022-JP', 'Content-Transfer-Encoding: 7bit')
    // JIS is 7-bit with escapes; each line is encoded on its own so it ends in ASCII mode.
    // 7-bit lines must stay under 998 octets (RFC 5322); Japanese paragraphs have no spaces
    // to break at, so long ones are cut every 200 characters, as Japanese mailers do.
    const lines = mail.text.replace(/\r?\n/g, '\n').split('\n').flatMap((line) => [...line].length > 200 ? ([...line].join('').match(/[\s\S]{1,200}/gu) ?? []) : [line])
    body = lines.map((line) => encodeText(line, 'iso-2022-jp').toString('latin1')).join('\r\n')
  } else {
    headers.push('Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64')
    body = (Buffer.from(mail.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')
  }

  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}\r\n`, 'latin1')
}

function address(who: { name: string; address: string }, word: (t: string) => string): string {
  return who.name ? `${word(who.name)} <${who.address}>` : `<${who.address}>`
}

/** RFC 2047 B-encoding, split so each encoded word stays within 75 characters. */
function encodedWord(text: string, charset: 'utf-8' | 'iso-2022-jp'): string {
  if (/^[\x20-\x7e]*$/.test(text) && !/=\?/.test(text)) return text
  const label = charset === 'utf-8' ? 'UTF-8' : 'ISO-2022-JP'
  const words: string[] = []
  let chunk = ''
  for (const char of text) {
    const next = chunk + char
    if (Buffer.from(encodeText(next, charset)).toString('base64').length > 75 - label.length - 7 && chunk) {
      words.push(chunk)
      chunk = char
    } else {
      chunk = next
    }
  }
  if (chunk) words.push(chunk)

  return words.map((w) => `=?${label}?B?${encodeText(w, charset).toString('base64')}?=`).join('\r\n ')
}
