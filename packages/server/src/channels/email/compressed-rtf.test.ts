import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decompressRtf } from './compressed-rtf.ts'
import { compressedRtf } from './tnef.fixture.ts'

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex')
const rtfOf = (value: Buffer, max = 1_000_000) => {
  const result = decompressRtf(value, max)
  if ('error' in result) throw new Error(`unexpected ${result.error}`)

  return { text: result.rtf.toString('latin1'), warnings: result.warnings }
}

describe('compressed RTF (PR_RTF_COMPRESSED)', () => {
  it('decompresses the two examples of [MS-OXRTFCP] 3.1, back-references included, with their CRCs', () => {
    expect(rtfOf(hex('2d0000002b0000004c5a4675f1c5c7a703000a00726370673132354232 0af32068656c0900206277 05b06c647d0a800fa0')))
      .toEqual({ text: '{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n', warnings: [] })
    // A reference that overlaps what it is writing: WXYZ repeated from four bytes back.
    expect(rtfOf(hex('1a0000001c0000004c5a4675e2d44b51410004205758595a0d6e7d010eb0')))
      .toEqual({ text: '{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}', warnings: [] })
  })

  it('reads the uncompressed form ("MELA") and what the test fixture writes', () => {
    const rtf = Buffer.from('{\\rtf1\\ansi\\ansicpg932 \\\'82\\\'a0}')
    const mela = Buffer.concat([Buffer.from([rtf.length + 12, 0, 0, 0, rtf.length, 0, 0, 0, 0x4d, 0x45, 0x4c, 0x41, 0, 0, 0, 0]), rtf])
    expect(rtfOf(mela).text).toBe(rtf.toString('latin1'))
    expect(rtfOf(compressedRtf(rtf))).toEqual({ text: rtf.toString('latin1'), warnings: [] })
  })

  it('notes a damaged or cut value and refuses what is not compressed RTF or too large, without reading past the bytes', () => {
    const value = compressedRtf(Buffer.from('{\\rtf1 お問い合わせ}'))
    const damaged = Buffer.from(value)
    damaged[20] = damaged[20]! ^ 0xff
    expect(rtfOf(damaged).warnings).toEqual(['tnef.rtf_crc_mismatch'])
    expect(rtfOf(value.subarray(0, 24)).warnings).toEqual(['tnef.rtf_truncated', 'tnef.rtf_crc_mismatch'])
    expect(decompressRtf(value.subarray(0, 10), 1000)).toEqual({ error: 'header' })
    expect(decompressRtf(Buffer.concat([value.subarray(0, 8), Buffer.from('ABCD'), value.subarray(12)]), 1000)).toEqual({ error: 'type' })
    expect(decompressRtf(value, 10)).toEqual({ error: 'too_large' })
    // A header claiming 4 GB of input over 40 bytes: read as far as the bytes go.
    const lying = Buffer.from(value)
    lying.writeUInt32LE(0xffffffff, 0)
    expect(decompressRtf(lying, 1000)).toEqual({ rtf: Buffer.from('{\\rtf1 お問い合わせ}'), warnings: ['tnef.rtf_truncated'] })
  })

  it('never throws and never writes more than asked on random and mutated input (fuzz)', () => {
    const base = compressedRtf(Buffer.from('{\\rtf1\\ansi hello world, hello world}'))
    const readsWithin = (bytes: Buffer) => {
      const result = decompressRtf(bytes, 4096)
      if (!('error' in result)) expect(result.rtf.length).toBeLessThanOrEqual(4096)
    }
    // Random bodies behind a valid "LZFu" header, and the fixture's value with bytes changed.
    fc.assert(fc.property(fc.uint8Array({ minLength: 16, maxLength: 300 }), (bytes) => {
      const value = Buffer.from(bytes)
      value.writeUInt32LE(0x75465a4c, 8)
      readsWithin(value)
    }), { numRuns: 1000 })
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (flips) => {
      const value = Buffer.from(base)
      for (const [at, byte] of flips) value[at % value.length] = byte
      readsWithin(value)
    }), { numRuns: 1000 })
  })
})
