import { describe, expect, it } from 'vitest'
import { classifyEmail } from './classify-email.ts'
import { parseEmail } from './parse-email.ts'
import { customerMail, rawMessage } from './test-messages.ts'

const classify = async (raw: Buffer, ownAddresses?: string[]) => classifyEmail(await parseEmail(raw), { ownAddresses })

const dsn = (recipient: string, originalId: string) => rawMessage([
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
  'To: support@shop.example',
  'Subject: Undelivered Mail Returned to Sender',
  'Return-Path: <>',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
], [
  '--r', 'Content-Type: text/plain', '', 'I\'m sorry to have to inform you that your message could not be delivered.', '',
  '--r', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '',
  `Final-Recipient: rfc822; ${recipient}`, 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 550 5.1.1 <' + recipient + '>: Recipient address rejected: User unknown', '',
  '--r', 'Content-Type: text/rfc822-headers', '', 'From: support@shop.example', `Message-ID: <${originalId}>`, 'Subject: Re: 注文について', '',
  '--r--', '',
].join('\r\n'))

describe('classifyEmail', () => {
  it('reads an RFC 3464 bounce: failed recipient, status, reason and the original Message-ID', async () => {
    const result = await classify(dsn('taro@example.jp', 'm.123@shop.example'))
    expect(result).toMatchObject({
      kind: 'bounce', subtype: 'failure', signal: 'multipart-report', originalMessageId: 'm.123@shop.example',
      recipients: [{ address: 'taro@example.jp', status: '5.1.1', reason: '550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown' }],
    })
  })

  it('reads a prose bounce from a daemon with X-Failed-Recipients (Exim)', async () => {
    const raw = rawMessage(['From: Mail Delivery System <Mailer-Daemon@mx.example.net>', 'Subject: Mail delivery failed: returning message to sender',
      'X-Failed-Recipients: hanako@example.jp', 'Auto-Submitted: auto-replied'], 'This message was created automatically by mail delivery software.\r\n\r\n  hanako@example.jp\r\n    mailbox is full: retry timeout exceeded\r\n')
    expect(await classify(raw)).toMatchObject({ kind: 'bounce', recipients: [{ address: 'hanako@example.jp' }] })
  })

  it.each([
    ['Auto-Submitted: auto-replied', 'Re: 注文について'],
    ['X-Autoreply: yes', 'Re: question'],
    ['X-Autorespond: yes', 'hello'],
    ['Precedence: auto_reply', 'hello'],
    ['Precedence: bulk', 'Newsletter'],
    ['List-Unsubscribe: <mailto:unsub@news.example>', 'セール情報'],
    ['X-Mailer: x', '自動返信：お問い合わせありがとうございます'],
    ['X-Mailer: x', '【不在】12/28〜1/5 冬季休暇のお知らせ'],
    ['X-Mailer: x', '不在のお知らせ'],
    ['X-Mailer: x', 'Out of Office: Re: order 123'],
    ['X-Mailer: x', 'Automatic reply: Your request'],
  ])('treats %s / "%s" as an auto-reply', async (header, subject) => {
    const result = await classify(customerMail({ subject, extra: [header] }))
    expect(result.kind).toBe('auto_reply')
  })

  it.each(['不在票が入っていましたが再配達できますか', 'Auto-Submitted: no', '返品について'])('keeps customer mail "%s" normal', async (subject) => {
    const extra = subject.startsWith('Auto-Submitted') ? [subject] : []
    expect((await classify(customerMail({ subject, extra }))).kind).toBe('normal')
  })

  it('does not treat mail through the support address’s own group (Google Groups) as list noise', async () => {
    const viaGroup = customerMail({ extra: ['List-Id: <support.shop.example>', 'Precedence: list', 'List-Post: <mailto:support@shop.example>'] })
    expect((await classify(viaGroup, ['support@shop.example'])).kind).toBe('normal')
    expect((await classify(viaGroup)).kind).toBe('auto_reply')
  })
})
