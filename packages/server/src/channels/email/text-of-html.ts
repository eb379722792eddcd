import { simpleParser } from 'mailparser'

/** Plain text of an HTML body (one inside winmail.dat, an Outlook item's), converted as mailparser converts any HTML-only mail. */
export async function textOfHtml(html: string): Promise<string> {
  const mail = await simpleParser(Buffer.from(`Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(html).toString('base64')}`), { skipTextLinks: true, skipImageLinks: true })

  return mail.text ?? ''
}
