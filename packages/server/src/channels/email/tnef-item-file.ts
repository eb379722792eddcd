import { bodyOfCompressedRtf } from './rtf-body.ts'
import { textOfHtml } from './text-of-html.ts'
import type { TnefItem } from './tnef-reader.ts'

/** Windows Notepad and browsers opening a downloaded .txt take it as UTF-8 with this, not as CP932. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/**
 * A forwarded Outlook item inside winmail.dat, as a text file an agent can open: its
 * sender, date and subject as mail headers, then its body (plain, else the text of
 * its HTML, else its compressed RTF). Outlook items exist only inside winmail.dat;
 * without this an agent sees the files they carried but not what the customer forwarded.
 */
export async function tnefItemFile(item: TnefItem, warnings: string[]): Promise<{ name: string; data: Buffer }> {
  let body = item.text ?? (item.html ? await textOfHtml(item.html) : null)
  if (body === null && item.rtfCompressed) {
    const read = bodyOfCompressedRtf(item.rtfCompressed)
    warnings.push(...read.warnings)
    body = read.body ? read.body.text ?? (await textOfHtml(read.body.html)) : null
  }
  const header = [item.from && `From: ${item.from}`, item.sentAt && `Date: ${item.sentAt}`, `Subject: ${item.subject ?? ''}`].filter(Boolean).join('\n')
  const text = `${header}\n\n${(body ?? '').replace(/\r\n/g, '\n').trim()}\n`

  // A subject such as "3/4 の件" is a title, not a path: slashes would cut it when the name is cleaned.
  const title = item.subject?.replace(/[\\/]/g, '_').slice(0, 120)

  return { name: `${title || 'Outlook item'}.txt`, data: Buffer.concat([BOM, Buffer.from(text)]) }
}
