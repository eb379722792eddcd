import iconv from 'iconv-lite'

/** Builds raw test messages from header lines and body bytes (CRLF, as on the wire). */
export function rawMessage(headers: Array<string | Buffer>, body: string | Buffer = 'hello'): Buffer {
  const parts: Buffer[] = []
  for (const h of headers) parts.push(typeof h === 'string' ? Buffer.from(h, 'utf8') : h, Buffer.from('\r\n'))
  parts.push(Buffer.from('\r\n'), typeof body === 'string' ? Buffer.from(body, 'utf8') : body)

  return Buffer.concat(parts)
}

export const sjisBytes = (text: string): Buffer => iconv.encode(text, 'cp932')
export const eucBytes = (text: string): Buffer => iconv.encode(text, 'euc-jp')

/** A plain customer mail, UTF-8. */
export function customerMail(opts: { from?: string; to?: string; subject?: string; body?: string; messageId?: string; extra?: string[] } = {}): Buffer {
  return rawMessage([
    `From: ${opts.from ?? 'Yamada Taro <taro@example.jp>'}`,
    `To: ${opts.to ?? 'support@shop.example'}`,
    `Subject: =?UTF-8?B?${Buffer.from(opts.subject ?? '注文について').toString('base64')}?=`,
    `Message-ID: <${opts.messageId ?? `${Math.random().toString(36).slice(2)}@example.jp`}>`,
    'Date: Fri, 27 Nov 2026 10:00:00 +0900',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    ...(opts.extra ?? []),
  ], opts.body ?? '注文した商品が届きません。')
}
