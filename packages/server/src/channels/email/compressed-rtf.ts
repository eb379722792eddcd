import { crc32 } from 'node:zlib'

/**
 * PR_RTF_COMPRESSED ([MS-OXRTFCP] 2.1.3): the rich-text body Outlook puts in
 * winmail.dat, LZ77-compressed against a 4 KB ring that starts with a fixed RTF
 * preamble. Written here rather than taken from npm: the package there reads the
 * size from the header without checking it against the bytes it has, so a hostile
 * header makes it loop for gigabytes; this one never reads past the value or writes
 * past `maxBytes`.
 */

const HEADER_BYTES = 16
const COMPRESSED = 0x75465a4c // "LZFu"
const UNCOMPRESSED = 0x414c454d // "MELA"
const PREBUF = '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx'
const RING = 4096

export type RtfResult = { rtf: Buffer; warnings: string[] } | { error: 'header' | 'type' | 'too_large' }

/** The RTF inside a PR_RTF_COMPRESSED value, at most `maxBytes` of it. */
export function decompressRtf(value: Buffer, maxBytes: number): RtfResult {
  if (value.length < HEADER_BYTES) return { error: 'header' }
  // COMPSIZE counts the bytes after itself; a value cut short is read as far as it goes.
  const claimedEnd = value.readUInt32LE(0) + 4
  const end = Math.min(value.length, claimedEnd)
  const rawSize = value.readUInt32LE(4)
  const type = value.readUInt32LE(8)
  if (type !== COMPRESSED && type !== UNCOMPRESSED) return { error: 'type' }
  if (rawSize > maxBytes) return { error: 'too_large' }
  const warnings = end < claimedEnd ? ['tnef.rtf_truncated'] : []
  const data = value.subarray(HEADER_BYTES, end)
  if (type === UNCOMPRESSED) return { rtf: data.subarray(0, rawSize), warnings }
  // The spec's CRC-32 is the usual one without the inversions before and after.
  if ((~crc32(data, 0xffffffff) >>> 0) !== value.readUInt32LE(12)) warnings.push('tnef.rtf_crc_mismatch')

  return { rtf: inflate(data, rawSize), warnings }
}

function inflate(data: Buffer, rawSize: number): Buffer {
  const ring = Buffer.alloc(RING)
  ring.write(PREBUF, 'latin1')
  let at = PREBUF.length
  const out = Buffer.alloc(rawSize)
  let written = 0
  let pos = 0
  while (pos < data.length && written < rawSize) {
    const control = data[pos++]!
    for (let bit = 0; bit < 8 && pos < data.length && written < rawSize; bit++) {
      if ((control & (1 << bit)) === 0) {
        ring[at] = out[written++] = data[pos++]!
        at = (at + 1) % RING
        continue
      }
      if (pos + 1 >= data.length) return out.subarray(0, written)
      const reference = data.readUInt16BE(pos)
      pos += 2
      let from = reference >> 4
      // A reference to the write position itself marks the end.
      if (from === at) return out.subarray(0, written)
      for (let n = (reference & 0xf) + 2; n > 0 && written < rawSize; n--) {
        ring[at] = out[written++] = ring[from]!
        from = (from + 1) % RING
        at = (at + 1) % RING
      }
    }
  }

  return out.subarray(0, written)
}
