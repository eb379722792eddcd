import { describe, expect, it } from 'vitest'
import { tnefItemFile } from './tnef-item-file.ts'
import type { TnefItem } from './tnef-reader.ts'
import { compressedRtf } from './tnef.fixture.ts'

const item = (over: Partial<TnefItem>): TnefItem => ({ subject: null, from: null, sentAt: null, text: null, html: null, rtfCompressed: null, ...over })
const textOf = (data: Buffer) => {
  expect(data.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))

  return data.subarray(3).toString('utf8')
}

describe('a forwarded Outlook item as a text file', () => {
  it('writes sender, date and subject as mail headers, then the plain body; the subject names the file', async () => {
    const warnings: string[] = []
    const file = await tnefItemFile(item({ subject: '3/4 の件', from: '佐藤 一郎 <sato@example.co.jp>', sentAt: '2026-11-20T01:02:03.000Z', text: '見積書を送付いたします。\r\n' }), warnings)
    expect(file.name).toBe('3_4 の件.txt')
    expect(textOf(file.data)).toBe('From: 佐藤 一郎 <sato@example.co.jp>\nDate: 2026-11-20T01:02:03.000Z\nSubject: 3/4 の件\n\n見積書を送付いたします。\n')
    expect(warnings).toEqual([])
  })

  it('reads an HTML body as text, and an RTF-only one from its compressed RTF, CP932 included', async () => {
    const html = await tnefItemFile(item({ html: '<p>返品<b>希望</b>です</p><script>x()</script>' }), [])
    expect(html.name).toBe('Outlook item.txt')
    expect(textOf(html.data)).toBe('Subject: \n\n返品希望です\n')
    const rtf = compressedRtf(Buffer.from(String.raw`{\rtf1\ansi\ansicpg932 \'87\'40\'82\'cc\'8c\'8f\par}`, 'latin1'))
    expect(textOf((await tnefItemFile(item({ subject: 'memo', rtfCompressed: rtf }), [])).data)).toBe('Subject: memo\n\n①の件\n')
    const warnings: string[] = []
    const unreadable = await tnefItemFile(item({ subject: 'memo', rtfCompressed: Buffer.from('garbage') }), warnings)
    expect(textOf(unreadable.data)).toBe('Subject: memo\n\n\n')
    expect(warnings).toEqual(['tnef.rtf_unreadable:header'])
  })
})
