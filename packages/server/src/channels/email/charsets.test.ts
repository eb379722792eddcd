import { describe, expect, it } from 'vitest'
import { decodeBytes, detectCharset, encodeText, japaneseCharset } from './charsets.ts'

const sjis = (...bytes: number[]) => Buffer.from(bytes)

describe('Japanese charsets', () => {
  it('reads every Shift_JIS label as CP932: ① and ～ come out as typed on Windows', () => {
    // ① = 0x8740 (NEC row 13), ～ = 0x8160, ∥ = 0x8161, － = 0x817C, ㈱ = 0x878A
    const bytes = sjis(0x87, 0x40, 0x81, 0x60, 0x81, 0x61, 0x81, 0x7c, 0x87, 0x8a)
    for (const label of ['Shift_JIS', 'shift-jis', 'SJIS', 'x-sjis', 'windows-31j', 'CP932', 'MS_Kanji']) {
      expect(japaneseCharset(label)).toBe('cp932')
      expect(decodeBytes(bytes, label)).toBe('①～∥－㈱')
    }
  })

  it('maps the CP932 user-defined area (phone emoji) to the private use area instead of U+FFFD', () => {
    // docomo's sun emoji 0xF89F is U+E63E in docomo's own Unicode mapping too
    expect(decodeBytes(sjis(0x82, 0xa0, 0xf8, 0x9f, 0x82, 0xa2), 'shift_jis')).toBe('あ\uE63Eい')
    expect(decodeBytes(sjis(0xf0, 0x40, 0xf9, 0xfc), 'cp932')).toBe('\uE000\uE757')
  })

  it('decodes ISO-2022-JP with the NEC extensions iPhones write (① in row 13)', () => {
    const jis = Buffer.from('\x1b$B%F%9%H-!\x1b(B ok', 'latin1')
    expect(decodeBytes(jis, 'ISO-2022-JP')).toBe('テスト① ok')
  })

  it('reads EUC-JP, and EUC-JP mislabelled as ISO-2022-JP', () => {
    const euc = Buffer.from([0xa4, 0xa2, 0xa4, 0xa4, 0xa1, 0xc1, 0xad, 0xa1])
    expect(decodeBytes(euc, 'EUC-JP')).toBe('あい～①')
    expect(decodeBytes(euc, 'iso-2022-jp')).toBe('あい～①')
  })

  it('keeps UTF-8 wave dash and full-width tilde apart', () => {
    const text = '10〜12時／10～12時'
    expect(decodeBytes(Buffer.from(text), 'utf-8')).toBe(text)
    expect([...decodeBytes(Buffer.from(text), 'utf-8')].filter((c) => c === '\u301C' || c === '\uFF5E')).toEqual(['\u301C', '\uFF5E'])
  })

  it('detects undeclared bytes', () => {
    expect(detectCharset(Buffer.from('hello'))).toBe('us-ascii')
    expect(detectCharset(Buffer.from('こんにちは'))).toBe('utf-8')
    expect(detectCharset(Buffer.from([0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd]))).toBe('cp932')
    expect(detectCharset(Buffer.from([0xa4, 0xb3, 0xa4, 0xf3, 0xa4, 0xcb, 0xa4, 0xc1, 0xa4, 0xcf]))).toBe('euc-jp')
    expect(detectCharset(Buffer.from('\x1b$B$3$s\x1b(B', 'latin1'))).toBe('iso-2022-jp')
  })

  it('encodes ISO-2022-JP for sending and reads it back, ① and ～ included', () => {
    const text = '山田様 ①10～12時'
    const bytes = encodeText(text, 'iso-2022-jp')
    expect(bytes.every((b) => b < 0x80)).toBe(true)
    expect(decodeBytes(bytes, 'iso-2022-jp')).toBe(text)
  })
})
