import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyEmail } from './classify-email.ts'
import { foldQuotes } from './fold-quotes.ts'
import { parseEmail } from './parse-email.ts'
import { rewriteCidImages } from './sanitize-email-html.ts'
import { encodeText } from './charsets.ts'
import { eucBytes, rawMessage, sjisBytes } from './test-messages.ts'

describe('parseEmail', () => {
  it('decodes a Shift_JIS body as CP932, with ① and ～, and an RFC 2047 subject', async () => {
    const mail = await parseEmail(rawMessage([
      'From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <yamada@example.jp>',
      'Subject: =?Shift_JIS?B?' + sjisBytes('①の件、10～12時').toString('base64') + '?=',
      'Message-ID: <a1@example.jp>',
      'Content-Type: text/plain; charset=Shift_JIS',
      'Content-Transfer-Encoding: 8bit',
    ], sjisBytes('配達は①10～12時でお願いします。')))
    expect(mail.subject).toBe('①の件、10～12時')
    expect(mail.text.trim()).toBe('配達は①10～12時でお願いします。')
    expect(mail.from).toEqual({ address: 'yamada@example.jp', name: '山田' })
    expect(mail.messageId).toBe('a1@example.jp')
  })

  it('keeps 〜 (U+301C) and ～ (U+FF5E) apart in UTF-8 quoted-printable', async () => {
    const qp = '=E3=80=9C=EF=BD=9E'
    const mail = await parseEmail(rawMessage(['From: a@example.jp', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], qp))
    expect(mail.text.trim()).toBe('〜～')
  })

  it('decodes EUC-JP and base64 ISO-2022-JP bodies', async () => {
    const euc = await parseEmail(rawMessage(['From: a@example.jp', 'Content-Type: text/plain; charset=EUC-JP'], eucBytes('返品したいです')))
    expect(euc.text.trim()).toBe('返品したいです')
    const jis = Buffer.from('\x1b$B%F%9%H\x1b(B', 'latin1').toString('base64')
    const b64 = await parseEmail(rawMessage(['From: a@example.jp', 'Content-Type: text/plain; charset=ISO-2022-JP', 'Content-Transfer-Encoding: base64'], jis))
    expect(b64.text.trim()).toBe('テスト')
  })

  it('reads raw 8-bit Shift_JIS, EUC-JP and ISO-2022-JP headers that declare no charset', async () => {
    for (const [subject, label] of [[sjisBytes('至急：返金'), 'cp932'], [eucBytes('至急：返金'), 'euc-jp'], [encodeText('至急：返金', 'iso-2022-jp'), 'iso-2022-jp']] as const) {
      const mail = await parseEmail(rawMessage(['From: a@example.jp', Buffer.concat([Buffer.from('Subject: '), subject]), 'Content-Type: text/plain; charset=utf-8'], 'body'))
      expect(mail.subject).toBe('至急：返金')
      expect(mail.warnings).toContain(`header.raw_8bit:${label}`)
    }
  })

  it('decodes RFC 2231 and raw Shift_JIS attachment file names and keeps the bytes', async () => {
    const boundary = 'b1'
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n本文\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('%PDF-1.4').toString('base64')}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="`), sjisBytes('見積書.txt'), Buffer.from(`"\r\n\r\nmitsumori\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="setup.exe"\r\n\r\nMZ\r\n`),
      Buffer.from(`--${boundary}--\r\n`),
    ])
    const mail = await parseEmail(rawMessage(['From: a@example.jp', `Content-Type: multipart/mixed; boundary="${boundary}"`], body))
    expect(mail.text.trim()).toBe('本文')
    const [pdf, txt, exe] = mail.attachments
    expect(pdf).toMatchObject({ filename: '請求書.pdf', contentType: 'application/pdf', size: 8, inline: false })
    expect(pdf?.content?.toString()).toBe('%PDF-1.4')
    expect(txt?.filename).toBe('見積書.txt')
    expect(exe).toMatchObject({ filename: 'setup.exe', content: null, refusedReason: 'blocked_type' })
    expect(mail.warnings).toContain('attachment.refused:blocked_type')
  })

  it('sanitizes HTML: no script, style, handlers or remote images; cid images kept for rewriting', async () => {
    const html = '<html><head><style>body{}</style><script>alert(1)</script></head><body onload="x()">' +
      '<p onclick="steal()">Hi <a href="javascript:alert(1)">x</a> <a href="https://shop.example/o/1">order</a></p>' +
      '<img src="https://tracker.example/p.gif"><img src="cid:logo@1" alt="logo"></body></html>'
    const mail = await parseEmail(rawMessage(['From: a@example.jp', 'Content-Type: text/html; charset=utf-8'], html))
    expect(mail.html).not.toMatch(/script|style|onclick|onload|javascript|tracker/i)
    expect(mail.html).toContain('<a href="https://shop.example/o/1" target="_blank" rel="noopener noreferrer nofollow">order</a>')
    expect(mail.text).toContain('Hi')
    const rewritten = rewriteCidImages(mail.html ?? '', (cid) => (cid === 'logo@1' ? '/api/v1/attachments/42' : undefined))
    expect(rewritten).toContain('<img src="/api/v1/attachments/42" alt="logo" />')
  })

  it('prefers text/plain in multipart/alternative and keeps the HTML too', async () => {
    const body = '--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nplain 本文\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>html <b>本文</b></p>\r\n--alt--\r\n'
    const mail = await parseEmail(rawMessage(['From: a@example.jp', 'Content-Type: multipart/alternative; boundary=alt'], body))
    expect(mail.text.trim()).toBe('plain 本文')
    expect(mail.html).toBe('<p>html <b>本文</b></p>')
  })

  it('never throws on junk and says what was wrong', async () => {
    const junk = [Buffer.alloc(0), Buffer.from('\x00\xff\xfe garbage'), Buffer.from('Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nunclosed'),
      Buffer.from('Subject: no blank line'), Buffer.from('Content-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!')]
    for (const raw of junk) {
      const mail = await parseEmail(raw)
      expect(Array.isArray(mail.warnings)).toBe(true)
    }
    const unclosed = await parseEmail(junk[2]!)
    expect(unclosed.text).toContain('unclosed')
    expect(unclosed.warnings).toEqual(expect.arrayContaining(['header.from_missing', 'mime.boundary_unclosed']))
  })

  it('recovers the text of a part whose boundary parameter fell onto its own line', async () => {
    const body = '--outer\r\nContent-Type: multipart/alternative;\r\nboundary="inner"\r\n\r\n--inner\r\nContent-Type: text/plain\r\n\r\nError: Invalid user address\r\n--inner--\r\n--outer--\r\n'
    const mail = await parseEmail(rawMessage(['From: a@example.jp', 'Content-Type: multipart/mixed; boundary="outer"'], body))
    expect(mail.text).toContain('Error: Invalid user address')
    expect(mail.warnings).toContain('mime.body_recovered')
  })

  it('never throws on random bytes or on a real message cut and corrupted anywhere', async () => {
    const base = rawMessage(['From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <a@example.jp>', 'Subject: test', 'Content-Type: multipart/mixed; boundary="b"'],
      Buffer.concat([Buffer.from('--b\r\nContent-Type: text/plain; charset=Shift_JIS\r\n\r\n'), sjisBytes('本文①～'), Buffer.from('\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\nPGI+aGk8L2I+\r\n--b--\r\n')]))
    const check = async (raw: Buffer) => {
      const mail = await parseEmail(raw)
      classifyEmail(mail)
      foldQuotes(mail.text)
      expect(typeof mail.text).toBe('string')
    }
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), (bytes) => check(Buffer.from(bytes))), { numRuns: 150 })
    await fc.assert(fc.asyncProperty(fc.nat({ max: base.length }), fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), (cut, flips) => {
      const raw = Buffer.from(base.subarray(0, cut))
      for (const [at, byte] of flips) if (at < raw.length) raw[at] = byte

      return check(raw)
    }), { numRuns: 300 })
  })
})
