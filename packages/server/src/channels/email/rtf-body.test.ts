import fs from 'node:fs'
import fc from 'fast-check'
import { simpleParser } from 'mailparser'
import { describe, expect, it, vi } from 'vitest'
import { CORPUS_DIR } from './corpus-files.ts'
import { bodyOfCompressedRtf } from './rtf-body.ts'
import { readTnef } from './tnef-reader.ts'
import { compressedRtf } from './tnef.fixture.ts'

const read = (rtf: string) => bodyOfCompressedRtf(compressedRtf(Buffer.from(rtf, 'latin1')))

describe('the body of Outlook rich-text mail (compressed RTF in winmail.dat)', () => {
  it('reads the Outlook corpus sample, compressed with back-references, to the same text as the mail’s own text part', async () => {
    const mail = await simpleParser(fs.readFileSync(`${CORPUS_DIR}/email/jstedfast-mimekit/tnef__rich-text.eml`))
    const winmail = mail.attachments.find((a) => a.contentType === 'application/ms-tnef')!.content
    const { body, warnings } = bodyOfCompressedRtf(readTnef(winmail).rtfCompressed!)
    expect(warnings).toEqual([])
    expect(body!.html).toBeNull()
    expect(body!.text!.trim()).toBe(mail.text!.replace(/\r\n/g, '\n').trim())
  })

  it('reads Japanese rich text in the document’s code page (CP932: ① and ～), \\uN and paragraphs, without the font table', () => {
    const { body, warnings } = read(String.raw`{\rtf1\ansi\ansicpg932\deff0{\fonttbl{\f0\fnil\fcharset128 MS UI Gothic;}}\f0 \'82\'a8\'90\'a2\'98\'62\'82\'c9\'82\'c8\'82\'c1\'82\'c4\'82\'a8\'82\'e8\'82\'dc\'82\'b7\'81\'42\par \'87\'40\'82\'cc\'8c\'8f\'81\'60\par {\b Order} \u12354?\u12356?}`)
    expect({ body, warnings }).toEqual({ body: { text: 'お世話になっております。\n①の件～\nOrder あい', html: null }, warnings: [] })
  })

  it('takes out the HTML Outlook wrapped in RTF, as it was (the caller sanitizes it)', () => {
    const { body } = read(String.raw`{\rtf1\ansi\ansicpg1252\fromhtml1 \deff0{\fonttbl{\f0\fswiss Arial;}}{\*\htmltag64 <html><body>}{\*\htmltag <p>}Caf\'e9 order{\*\htmltag </p>}\par{\*\htmltag </body></html>}}`)
    expect(body!.text).toBeNull()
    expect(body!.html).toContain('<p>Café order</p>')
  })

  it('says why it cannot read one: not compressed RTF, not RTF, nested too deep, no text', () => {
    expect(bodyOfCompressedRtf(Buffer.from('not compressed rtf at all'))).toEqual({ body: null, warnings: ['tnef.rtf_unreadable:type'] })
    expect(read('just some text, no RTF header')).toEqual({ body: null, warnings: ['tnef.rtf_unreadable:not_rtf'] })
    // Nesting no mail program writes: the parser's time grows much faster than the depth.
    expect(read(`{\\rtf1 ${'{'.repeat(5000)}x${'}'.repeat(5000)}}`)).toEqual({ body: null, warnings: ['tnef.rtf_unreadable:too_deep'] })
    expect(read(String.raw`{\rtf1 {\fonttbl{\f0 Arial;}}\par}`)).toEqual({ body: null, warnings: ['tnef.rtf_unreadable:empty'] })
    const damaged = compressedRtf(Buffer.from('{\\rtf1 hello}'))
    damaged[20] = damaged[20]! ^ 0x01
    expect(bodyOfCompressedRtf(damaged).warnings).toContain('tnef.rtf_crc_mismatch')
  })

  it('reads broken \\\' escapes as "?" without writing to the server’s console (the tokenizer would, once per escape)', () => {
    const warn = vi.spyOn(console, 'warn')
    try {
      expect(read(String.raw`{\rtf1\ansi 50\'zz off\'4}`).body).toEqual({ text: '50?zz off?4', html: null })
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })

  it('never throws on mutated RTF, compressed or not (fuzz)', () => {
    const rtf = Buffer.from(String.raw`{\rtf1\ansi\ansicpg932{\fonttbl{\f0 X;}}\'82\'a0\par\u12354? {\b x}{\*\htmltag <p>}\bin3 abc}`, 'latin1')
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.boolean(), (flips, afterCompressing) => {
      const bytes = Buffer.from(afterCompressing ? compressedRtf(rtf) : rtf)
      for (const [at, byte] of flips) bytes[at % bytes.length] = byte
      const { body } = bodyOfCompressedRtf(afterCompressing ? bytes : compressedRtf(bytes))
      if (body) expect(typeof (body.text ?? body.html)).toBe('string')
    }), { numRuns: 2000 })
  })
})
