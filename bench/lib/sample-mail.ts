import { encodeText } from '../../packages/server/src/channels/email/charsets.ts'

export const SUBJECTS = ['注文した商品が届きません', '返品・交換について', 'Question about my invoice', '①の件で至急ご確認ください', 'Delivery date 10〜12時', '解約の手続きについて']
export const BODIES = [
  'いつもお世話になっております。\n先日注文した商品（注文番号 A-{n}）がまだ届いておりません。\n配送状況を確認していただけますでしょうか。\n\nよろしくお願いいたします。\n山田',
  'Hello,\n\nI was charged twice for order #{n}. Could you please refund one of the payments?\n\nThanks,\nJohn',
  'お世話になります。\n届いた商品に傷がありました。交換をお願いできますか。\n写真を添付します。\n\n-----元のメッセージ-----\n差出人: support@shop.example\n件名: ご注文ありがとうございます\n\nご注文ありがとうございます。',
]

/** A realistic customer mail for the email benchmark: ja/en, UTF-8 or ISO-2022-JP, plain or multipart/alternative. */
export function sampleMail(i: number, run: string): Buffer {
  const subject = SUBJECTS[i % SUBJECTS.length]!
  const body = BODIES[i % BODIES.length]!.replace('{n}', String(1000 + i))
  const jis = i % 4 === 1
  const charset = jis ? 'ISO-2022-JP' : 'UTF-8'
  const word = (s: string) => `=?${charset}?B?${(jis ? encodeText(s, 'iso-2022-jp') : Buffer.from(s)).toString('base64')}?=`
  const head = [
    `From: ${word(`顧客 ${i}`)} <customer${i}-${run}@example.jp>`, 'To: support@shop.example', `Subject: ${word(subject)}`,
    `Message-ID: <${run}.${i}@example.jp>`, 'Date: Fri, 27 Nov 2026 10:00:00 +0900', 'MIME-Version: 1.0',
  ]
  if (i % 3 === 2) {
    const html = `<p>${body.replace(/\n/g, '<br>')}</p>`
    head.push('Content-Type: multipart/alternative; boundary="b"')

    return Buffer.from(`${head.join('\r\n')}\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString('base64')}\r\n--b\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(html).toString('base64')}\r\n--b--\r\n`, 'latin1')
  }
  head.push(`Content-Type: text/plain; charset=${charset}`, `Content-Transfer-Encoding: ${jis ? '7bit' : 'base64'}`)
  const content = jis ? body.split('\n').map((l) => encodeText(l, 'iso-2022-jp').toString('latin1')).join('\r\n') : Buffer.from(body).toString('base64')

  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${content}\r\n`, 'latin1')
}
