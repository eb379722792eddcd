import { describe, expect, it } from 'vitest'
import { foldQuotes } from './fold-quotes.ts'
import { parseEmail } from './parse-email.ts'
import { customerMail } from './test-messages.ts'
import { baseAddress, replyAddressFor, threadKeys, ticketTokenMac } from './thread-email.ts'

describe('threadKeys', () => {
  it('collects In-Reply-To, References (newest first), reply tokens and [#n] tags', async () => {
    const to = replyAddressFor('support@shop.example', 'secret', 42)
    const mail = await parseEmail(customerMail({
      to, subject: 'Re: [#42] 注文について',
      extra: ['In-Reply-To: <m3@shop.example>', 'References: <m1@shop.example> <m2@shop.example>\r\n <m3@shop.example>'],
    }))
    const keys = threadKeys(mail)
    expect(keys.messageIds).toEqual(['m3@shop.example', 'm2@shop.example', 'm1@shop.example'])
    expect(keys.tickets).toEqual([{ number: 42, mac: ticketTokenMac('secret', 42) }])
    expect(keys.subjectNumbers).toEqual([42])
    expect(to).toMatch(/^support\+t42k[a-v0-9]{8}@shop\.example$/)
    expect(baseAddress(to)).toBe('support@shop.example')
    expect(ticketTokenMac('other-secret', 42)).not.toBe(ticketTokenMac('secret', 42))
  })
})

describe('foldQuotes', () => {
  it('folds Japanese Outlook history and a ruled signature', () => {
    const text = ['お世話になっております。', '再送をお願いします。', '', '━━━━━━━━━━━━', '山田商事 山田太郎', 'TEL 03-1234-5678',
      '━━━━━━━━━━━━', '', '-----元のメッセージ-----', '差出人: support@shop.example', '送信日時: 2026年11月26日 10:00', '件名: 注文について', '', '前回の本文'].join('\n')
    const folded = foldQuotes(text)
    expect(folded.newPart).toBe('お世話になっております。\n再送をお願いします。')
    expect(folded.signature).toContain('山田商事 山田太郎')
    expect(folded.quoted).toMatch(/^-----元のメッセージ-----/)
  })

  it('folds Gmail-style ja/en attributions and > quotes', () => {
    expect(foldQuotes('了解です。\n\n2026年11月26日(木) 10:00 Support <support@shop.example>:\n> 前回の本文').newPart).toBe('了解です。')
    expect(foldQuotes('Thanks!\n\nOn Thu, Nov 26, 2026 at 10:00 AM Support <support@shop.example> wrote:\n> old').newPart).toBe('Thanks!')
    expect(foldQuotes('はい。\n\n山田さんは書きました:\n> old').newPart).toBe('はい。')
    expect(foldQuotes('OK\n> quoted line\n> more').quoted).toBe('> quoted line\n> more')
    expect(foldQuotes('届きました\n\niPhoneから送信').signature).toBe('iPhoneから送信')
  })

  it('keeps a message whole when folding would leave nothing, and keeps inline replies', () => {
    expect(foldQuotes('> only a quote').newPart).toBe('> only a quote')
    const inline = '> 住所は？\n東京都です\n> 日時は？\n明日です'
    expect(foldQuotes(inline).newPart).toBe(inline)
  })
})
