import { createHash } from 'node:crypto'
import fs from 'node:fs'
import fc from 'fast-check'
import { simpleParser } from 'mailparser'
import { describe, expect, it } from 'vitest'
import { CORPUS_DIR } from './corpus-files.ts'
import { readTnef, TnefError } from './tnef-reader.ts'
import { attribute, compressedRtf, propList, tnefStream } from './tnef.fixture.ts'

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function winmailOf(file: string): Promise<Buffer> {
  const mail = await simpleParser(fs.readFileSync(`${CORPUS_DIR}/email/${file}`))
  const part = mail.attachments.find((a) => a.contentType === 'application/ms-tnef')
  if (!part) throw new Error(`no winmail.dat in ${file}`)

  return part.content
}

/** Only TnefError may leave the reader; anything else fails the property. */
function readsOrRefuses(bytes: Buffer): void {
  try {
    const r = readTnef(bytes)
    for (const f of r.files) expect(f.data.length).toBeLessThanOrEqual(bytes.length)
  } catch (error) {
    if (!(error instanceof TnefError)) throw error
  }
}

describe('TNEF reader', () => {
  it('takes the picture out of the rich-text Outlook sample, byte for byte, and the two Outlook items it carries', async () => {
    const tnef = readTnef(await winmailOf('jstedfast-mimekit/tnef__rich-text.eml'))
    // Expected values from the Debian `tnef` tool run on the same winmail.dat.
    expect(tnef.files.map((f) => ({ name: f.name, size: f.data.length, sha: sha256(f.data) }))).toEqual([
      { name: 'kitten-playing-with-a-christmas-tree.jpg', size: 375_081, sha: 'f79d79bf20d19d17f4bbc92bc59485be362df93deaa92b71cc0d490d3b7ac935' },
    ])
    expect(tnef.files[0]!.data.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
    // Its only body is compressed RTF (rtf-body.test.ts reads it).
    expect(tnef).toMatchObject({ text: null, html: null, rtfCompressed: expect.any(Buffer) })
    // Two Outlook items (a task and a meeting) are attached too; one carries the same picture, listed once. Their
    // titles are only normalized subjects and their sender's address an Exchange path (so the name alone).
    expect(tnef.items.map(({ subject, from, sentAt, text, html, rtfCompressed }) => ({ subject, from, sentAt, text: text?.trim(), html, rtfCompressed }))).toEqual([
      { subject: 'Build a train table', from: 'Jeffrey Stedfast', sentAt: '2018-12-15T14:37:31.226Z', text: 'Build my nephew an HO-scale train table for Christmas.', html: null, rtfCompressed: null },
      { subject: 'Christmas Celebration!', from: 'Jeffrey Stedfast', sentAt: '2018-12-15T14:49:23.414Z', text: 'It\'s time for everyone to open their Christmas presents!', html: null, rtfCompressed: null },
    ])
    expect(tnef.warnings).toEqual([])
  })

  it('takes the files, sender, subject, date and body out of an attached Outlook item, two levels deep at most', () => {
    // PR_SUBJECT, PR_SENDER_NAME, PR_SENDER_EMAIL_ADDRESS, PR_CLIENT_SUBMIT_TIME (FILETIME of 2026-11-20T01:02:03Z), PR_BODY.
    const submitted = Buffer.alloc(8)
    submitted.writeBigUInt64LE((BigInt(Date.parse('2026-11-20T01:02:03Z')) + 11_644_473_600_000n) * 10_000n)
    const inner = tnefStream({
      messageProps: [{ id: 0x0037, unicode: '御見積のご依頼' }, { id: 0x0c1a, unicode: '佐藤 一郎' }, { id: 0x0c1f, ansi: 'sato@example.co.jp' }, { id: 0x0039, binary: submitted }, { id: 0x1000, unicode: '見積書を送付いたします。' }],
      files: [{ longName: '請求書.pdf', mimeTag: 'application/pdf', data: Buffer.from('%PDF inner') }],
    })
    const middle = tnefStream({ messageProps: [{ id: 0x0c1f, ansi: '/O=EXCHANGE/OU=FIRST/CN=RECIPIENTS/CN=SATO' }, { id: 0x1013, binary: Buffer.from('<p>fwd</p>') }], files: [{ longName: 'memo.txt', data: Buffer.from('memo') }, { embedded: true, data: inner }] })
    const outer = tnefStream({ files: [{ embedded: true, data: middle }] })
    const two = readTnef(outer)
    expect(two.files.map((f) => [f.name, f.data.toString()])).toEqual([['memo.txt', 'memo'], ['請求書.pdf', '%PDF inner']])
    expect(two.items).toEqual([
      // An Exchange path is no address: left out.
      { subject: null, from: null, sentAt: null, text: null, html: '<p>fwd</p>', rtfCompressed: null },
      { subject: '御見積のご依頼', from: '佐藤 一郎 <sato@example.co.jp>', sentAt: '2026-11-20T01:02:03.000Z', text: '見積書を送付いたします。', html: null, rtfCompressed: null },
    ])
    const deeper = tnefStream({ files: [{ embedded: true, data: outer }] })
    const three = readTnef(deeper)
    expect(three.files.map((f) => f.name)).toEqual(['memo.txt'])
    expect(three.items.map((i) => i.html)).toEqual([null, '<p>fwd</p>'])
    expect(three.warnings).toContain('tnef.embedded_message_skipped')
    const broken = readTnef(tnefStream({ files: [{ embedded: true, data: inner.subarray(0, 50) }] }))
    expect(broken.files).toEqual([])
    expect(broken.warnings).toContain('tnef.embedded_message_truncated')
  })

  it('reads the HTML body of the Ukrainian sample in the charset its <meta> names (KOI8-R)', async () => {
    const tnef = readTnef(await winmailOf('jstedfast-mimekit/tnef__ukr.eml'))
    expect(tnef.files).toEqual([])
    expect(tnef.html).toContain('<p>шостий</p>')
    expect(tnef.html).toContain('RR Test 1')
  })

  it('reads the Amazon WorkMail bounces (properties only, no files) without complaint', async () => {
    for (const n of ['01', '02', '03', '04', '05', '07', '08']) {
      const tnef = readTnef(await winmailOf(`sisimai-set-of-emails/bsd__lhost-amazonworkmail-${n}.eml`))
      expect(tnef.files).toEqual([])
      expect(tnef.warnings).toEqual([])
    }
  })

  it('prefers the Unicode long file name, keeps the MIME tag, and reads PR_BODY', () => {
    const pdf = Buffer.from('%PDF-1.4 見積書')
    const tnef = readTnef(tnefStream({
      messageProps: [{ id: 0x1000, unicode: '見積書を添付します。' }],
      files: [{ title: 'MITSUM~1.PDF', longName: '御見積書（2026年11月）.pdf', mimeTag: 'application/pdf', data: pdf }, { title: 'note.txt', data: Buffer.from('x') }],
    }))
    expect(tnef.files).toEqual([
      { name: '御見積書（2026年11月）.pdf', mimeType: 'application/pdf', contentId: null, data: pdf },
      { name: 'note.txt', mimeType: null, contentId: null, data: Buffer.from('x') },
    ])
    expect(tnef.text).toBe('見積書を添付します。')
    expect(tnef.warnings).toEqual([])
  })

  it('hands over the compressed RTF body only when Outlook wrote no plain or HTML one', () => {
    const rtf = compressedRtf(Buffer.from('{\\rtf1 x}'))
    expect(readTnef(tnefStream({ messageProps: [{ id: 0x1009, binary: rtf }] }))).toMatchObject({ text: null, html: null, rtfCompressed: rtf, warnings: [] })
    expect(readTnef(tnefStream({ messageProps: [{ id: 0x1000, unicode: 'plain' }, { id: 0x1009, binary: rtf }] }))).toMatchObject({ text: 'plain', rtfCompressed: null })
  })

  it('refuses what is not TNEF or breaks off, and keeps the readable part of a damaged property list', () => {
    expect(() => readTnef(Buffer.from('not tnef at all'))).toThrow(TnefError)
    expect(() => readTnef(Buffer.alloc(0))).toThrow(TnefError)
    const whole = tnefStream({ files: [{ longName: 'a.pdf', data: Buffer.alloc(1000, 7) }] })
    expect(() => readTnef(whole.subarray(0, 600))).toThrow(expect.objectContaining({ reason: 'truncated' }))
    // An attribute claiming 4 GB.
    const huge = Buffer.concat([whole.subarray(0, 6), Buffer.from([2, 0x0f, 0x80, 0x06, 0x00, 0xff, 0xff, 0xff, 0xff])])
    expect(() => readTnef(huge)).toThrow(expect.objectContaining({ reason: 'truncated' }))
    // A property list whose second value claims more bytes than it has: the first (the name) survives.
    const list = propList([{ id: 0x3707, unicode: 'kept.txt' }, { id: 0x370e, ansi: 'text/plain' }])
    const cut = list.subarray(0, list.length - 8)
    const stream = Buffer.concat([whole.subarray(0, 6), attribute(2, 0x00069002, Buffer.alloc(14)), attribute(2, 0x0006800f, Buffer.from('hi')), attribute(2, 0x00069005, cut)])
    const tnef = readTnef(stream)
    expect(tnef.files).toEqual([{ name: 'kept.txt', mimeType: null, contentId: null, data: Buffer.from('hi') }])
    expect(tnef.warnings).toEqual(['tnef.properties_truncated'])
  })

  it('caps the number of files', () => {
    const files = Array.from({ length: 5 }, (_v, i) => ({ longName: `f${i}.txt`, data: Buffer.from(String(i)) }))
    const tnef = readTnef(tnefStream({ files }), { maxFiles: 3 })
    expect(tnef.files.map((f) => f.name)).toEqual(['f0.txt', 'f1.txt', 'f2.txt'])
    expect(tnef.warnings).toContain('tnef.too_many_files')
  })

  it('throws nothing but TnefError on random bytes, on cut and on mutated real streams (fuzz)', async () => {
    const real = [await winmailOf('jstedfast-mimekit/tnef__ukr.eml'), await winmailOf('sisimai-set-of-emails/bsd__lhost-amazonworkmail-01.eml'),
      tnefStream({ messageProps: [{ id: 0x1013, binary: Buffer.from('<p>x</p>') }], files: [{ longName: 'a.pdf', mimeTag: 'application/pdf', data: Buffer.alloc(64, 1) }] }),
      tnefStream({ files: [{ embedded: true, data: tnefStream({ files: [{ longName: 'x.txt', data: Buffer.from('x') }] }) }] }),
      tnefStream({ messageProps: [{ id: 0x1009, binary: compressedRtf(Buffer.from(String.raw`{\rtf1\ansi\ansicpg932{\fonttbl{\f0 X;}}\'82\'a0\par\u12354? {\b x}}`)) }] })]
    const signature = real[0]!.subarray(0, 6)
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
      readsOrRefuses(Buffer.concat([signature, Buffer.from(bytes)]))
      readsOrRefuses(Buffer.from(bytes))
    }), { numRuns: 2000 })
    fc.assert(fc.property(fc.nat(real.length - 1), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), fc.nat(),
      (which, flips, cut) => {
        const bytes = Buffer.from(real[which]!)
        for (const [at, value] of flips) bytes[at % bytes.length] = value
        readsOrRefuses(bytes)
        readsOrRefuses(bytes.subarray(0, cut % (bytes.length + 1)))
      }), { numRuns: 3000 })
  })
})
