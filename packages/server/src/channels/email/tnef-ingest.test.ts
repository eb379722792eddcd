import { createHash } from 'node:crypto'
import fs from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { testDialects } from '../../test/dialects.ts'
import type { TestAccount } from '../../test/fixtures.ts'
import { startTestApp } from '../../test/test-app.ts'
import { CORPUS_DIR } from './corpus-files.ts'
import { createInboxVia, postRawEmail } from './email-test-helpers.ts'
import { compressedRtf, mailWithTnef, tnefStream } from './tnef.fixture.ts'

interface StoredFile { id: string; filename: string; contentType: string; size: number; refusedReason: string | null }

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function firstMessage(app: FastifyInstance, account: TestAccount, ticketId: string) {
  const items = (await app.inject({ url: `/api/v1/tickets/${ticketId}/messages`, headers: account.agent.headers })).json().items
  const message = items[0] as { body: string; html: string | null; metadata: { attachments: StoredFile[]; email: { warnings: string[] } } }

  return { ...message, files: message.metadata.attachments, warnings: message.metadata.email.warnings }
}

async function download(app: FastifyInstance, account: TestAccount, id: string): Promise<Buffer> {
  const res = await app.inject({ url: `/api/v1/attachments/${id}`, headers: account.agent.headers })
  expect(res.statusCode).toBe(200)

  return res.rawPayload
}

describe.each(testDialects())('winmail.dat on %s', (dialect) => {
  it('unpacks the files of the Outlook corpus sample next to winmail.dat, with their names, sizes and bytes', async () => {
    const { app, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account)
    const raw = fs.readFileSync(`${CORPUS_DIR}/email/jstedfast-mimekit/tnef__rich-text.eml`)
    const result = await postRawEmail(app, account, inbox.id, raw)
    expect(result.outcome).toBe('ticket_created')
    const message = await firstMessage(app, account, result.ticketId!)
    expect(message.files.map(({ filename, contentType, size, refusedReason }) => ({ filename, contentType, size, refusedReason }))).toEqual([
      { filename: 'winmail.dat', contentType: 'application/ms-tnef', size: 821_421, refusedReason: null },
      { filename: 'kitten-playing-with-a-christmas-tree.jpg', contentType: 'image/jpeg', size: 375_081, refusedReason: null },
      // The two Outlook items inside (a task and a meeting), as text files an agent can open.
      { filename: 'Build a train table.txt', contentType: 'text/plain', size: 142, refusedReason: null },
      { filename: 'Christmas Celebration!.txt', contentType: 'text/plain', size: 147, refusedReason: null },
    ])
    const kitten = await download(app, account, message.files[1]!.id)
    expect(sha256(kitten)).toBe('f79d79bf20d19d17f4bbc92bc59485be362df93deaa92b71cc0d490d3b7ac935')
    const task = await download(app, account, message.files[2]!.id)
    expect(task.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(task.subarray(3).toString('utf8')).toBe('From: Jeffrey Stedfast\nDate: 2018-12-15T14:37:31.226Z\nSubject: Build a train table\n\nBuild my nephew an HO-scale train table for Christmas.\n')
    expect(message.warnings).toEqual(['attachment.tnef_unpacked:3'])
    // The mail has its own text part, so the RTF-only body inside winmail.dat is not missed.
    expect(message.warnings).not.toContain('tnef.body_rtf_not_decoded')
    expect(message.body).toContain("You've made this a Christmas to remember")
  })

  it('applies the attachment rules to unpacked files: clean names, blocked types, size limit', async () => {
    const { app, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account, ['support@shop.example'], { maxAttachmentBytes: 1000 })
    const pdf = Buffer.from('%PDF-1.4 見積書')
    const tnef = tnefStream({ files: [
      { longName: '..\\..\\御見積書.pdf', mimeTag: 'application/pdf', data: pdf },
      { longName: 'invoice.pdf.exe', data: Buffer.from('MZ') },
      { longName: 'big.png', data: Buffer.alloc(2000, 1) },
    ] })
    const result = await postRawEmail(app, account, inbox.id, mailWithTnef(tnef, { messageId: 'tnef-rules@example.jp', text: '添付をご確認ください。' }))
    const message = await firstMessage(app, account, result.ticketId!)
    expect(message.files.map(({ filename, contentType, size, refusedReason }) => ({ filename, contentType, size, refusedReason }))).toEqual([
      // winmail.dat itself is over the limit; the small files inside it are not.
      { filename: 'winmail.dat', contentType: 'application/ms-tnef', size: tnef.length, refusedReason: 'too_large' },
      { filename: '御見積書.pdf', contentType: 'application/pdf', size: pdf.length, refusedReason: null },
      { filename: 'invoice.pdf.exe', contentType: 'application/octet-stream', size: 2, refusedReason: 'blocked_type' },
      { filename: 'big.png', contentType: 'image/png', size: 2000, refusedReason: 'too_large' },
    ])
    expect(await download(app, account, message.files[1]!.id)).toEqual(pdf)
    expect((await app.inject({ url: `/api/v1/attachments/${message.files[2]!.id}`, headers: account.agent.headers })).statusCode).not.toBe(200)
  })

  it('uses the body inside winmail.dat when the mail has no other', async () => {
    const { app, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account)
    // PR_INTERNET_CPID 65001: the HTML bytes are UTF-8, as Outlook says.
    const tnef = tnefStream({ messageProps: [{ id: 0x3fde, long: 65001 }, { id: 0x1013, binary: Buffer.from('<html><body><p>返品をお願いします。</p><script>alert(1)</script></body></html>') }] })
    const result = await postRawEmail(app, account, inbox.id, mailWithTnef(tnef, { messageId: 'tnef-body@example.jp' }))
    const message = await firstMessage(app, account, result.ticketId!)
    expect(message.body).toBe('返品をお願いします。')
    expect(message.warnings).toEqual(expect.arrayContaining(['attachment.tnef_unpacked:0', 'tnef.body_used']))
    expect(message.html).toContain('返品をお願いします。')
    expect(message.html).not.toContain('script')
  })

  it('shows the body of an Outlook rich-text mail, which is only compressed RTF inside winmail.dat, sanitized', async () => {
    const { app, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account)
    // Outlook wraps an HTML mail in RTF (\fromhtml1); the Japanese text is in \ansicpg932 bytes, the script is the sender's.
    const rtf = String.raw`{\rtf1\ansi\ansicpg932\fromhtml1 \deff0{\fonttbl{\f0\fnil\fcharset128 MS UI Gothic;}}{\*\htmltag64 <html><body>}{\*\htmltag <p>}\'95\'d4\'95\'69\'82\'f0\'82\'a8\'8a\'e8\'82\'a2\'82\'b5\'82\'dc\'82\'b7\'81\'42{\*\htmltag </p><script>alert(1)</script>}\par{\*\htmltag </body></html>}}`
    const tnef = tnefStream({ messageProps: [{ id: 0x1009, binary: compressedRtf(Buffer.from(rtf, 'latin1')) }] })
    const result = await postRawEmail(app, account, inbox.id, mailWithTnef(tnef, { messageId: 'tnef-rtf@example.jp' }))
    expect(result.outcome).toBe('ticket_created')
    const message = await firstMessage(app, account, result.ticketId!)
    expect(message.body).toBe('返品をお願いします。')
    expect(message.html).toContain('<p>返品をお願いします。</p>')
    expect(message.html).not.toContain('script')
    expect(message.warnings).toEqual(expect.arrayContaining(['attachment.tnef_unpacked:0', 'tnef.body_from_rtf']))
    expect(message.warnings).not.toContain('tnef.body_rtf_not_decoded')
  })

  it('keeps a truncated or garbage winmail.dat as a file with a warning, and the message is stored as usual', async () => {
    const { app, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account)
    const whole = tnefStream({ files: [{ longName: 'a.pdf', data: Buffer.alloc(3000, 7) }] })
    const cases = [
      { tnef: whole.subarray(0, 1500), reason: 'truncated' },
      { tnef: Buffer.from('this is no TNEF stream, just text'), reason: 'signature' },
    ]
    for (const [i, c] of cases.entries()) {
      const result = await postRawEmail(app, account, inbox.id, mailWithTnef(c.tnef, { messageId: `tnef-bad-${i}@example.jp`, text: 'こんにちは' }))
      expect(result.outcome).toBe('ticket_created')
      const message = await firstMessage(app, account, result.ticketId!)
      expect(message.files.map((f) => [f.filename, f.size, f.refusedReason])).toEqual([['winmail.dat', c.tnef.length, null]])
      expect(await download(app, account, message.files[0]!.id)).toEqual(c.tnef)
      expect(message.warnings).toEqual(expect.arrayContaining(['attachment.tnef_kept', `attachment.tnef_unreadable:${c.reason}`]))
      expect(message.body).toBe('こんにちは')
    }
  })
})
