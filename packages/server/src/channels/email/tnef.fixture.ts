import { crc32 } from 'node:zlib'

/**
 * Writes small TNEF streams for tests, field by field as [MS-OXTNEF] lays them out,
 * so the reader can be checked on what Outlook writes beyond the two corpus samples
 * (Unicode long names, MIME tags, a body only inside winmail.dat).
 */

const u16 = (n: number) => {
  const b = Buffer.alloc(2)
  b.writeUInt16LE(n)

  return b
}
const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)

  return b
}
const padded = (b: Buffer) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)])

export type TnefProp = { id: number; unicode: string } | { id: number; ansi: string } | { id: number; binary: Buffer } | { id: number; object: Buffer } | { id: number; long: number }

/** A MAPI property list (count, then type/id/value per property). */
export function propList(props: TnefProp[]): Buffer {
  const out: Buffer[] = [u32(props.length)]
  for (const p of props) {
    if ('long' in p) out.push(u16(0x0003), u16(p.id), u32(p.long))
    else {
      const [type, bytes] = 'unicode' in p ? [0x001f, Buffer.from(`${p.unicode}\0`, 'utf16le')]
        : 'ansi' in p ? [0x001e, Buffer.from(`${p.ansi}\0`, 'latin1')]
          : 'object' in p ? [0x000d, Buffer.concat([Buffer.alloc(16, 0xab), p.object])] : [0x0102, p.binary]
      out.push(u16(type), u16(p.id), u32(1), u32(bytes.length), padded(bytes))
    }
  }

  return Buffer.concat(out)
}

/** One attribute: level, id (with its type in the high word), length, data, checksum. */
export function attribute(level: 1 | 2, id: number, data: Buffer): Buffer {
  let sum = 0
  for (const byte of data) sum += byte

  return Buffer.concat([Buffer.from([level]), u32(id), u32(data.length), data, u16(sum & 0xffff)])
}

export interface TnefFileSpec {
  longName?: string
  title?: string
  mimeTag?: string
  data: Buffer
  /** An attached Outlook item (attach method 5): `data` is its own TNEF stream. */
  embedded?: boolean
}

/** A winmail.dat with message properties and the given files. */
export function tnefStream(opts: { messageProps?: TnefProp[]; files?: TnefFileSpec[] }): Buffer {
  const parts: Buffer[] = [u32(0x223e9f78), u16(0x0001)]
  parts.push(attribute(1, 0x00089006, u32(0x00010000)), attribute(1, 0x00069007, Buffer.concat([u32(1252), u32(0)])))
  if (opts.messageProps) parts.push(attribute(1, 0x00069003, propList(opts.messageProps)))
  for (const f of opts.files ?? []) {
    parts.push(attribute(2, 0x00069002, Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])))
    if (f.title) parts.push(attribute(2, 0x00018010, Buffer.from(`${f.title}\0`, 'latin1')))
    if (f.embedded) {
      parts.push(attribute(2, 0x00069005, propList([{ id: 0x3705, long: 5 }, { id: 0x3701, object: f.data }])))
      continue
    }
    parts.push(attribute(2, 0x0006800f, f.data))
    const props: TnefProp[] = [{ id: 0x3705, long: 1 }]
    if (f.longName) props.push({ id: 0x3707, unicode: f.longName })
    if (f.mimeTag) props.push({ id: 0x370e, ansi: f.mimeTag })
    parts.push(attribute(2, 0x00069005, propList(props)))
  }

  return Buffer.concat(parts)
}

/** A mail whose only part besides an optional text body is the given winmail.dat. */
export function mailWithTnef(tnef: Buffer, opts: { messageId: string; text?: string }): Buffer {
  const lines = [
    'From: Suzuki Hanako <hanako@example.jp>', 'To: support@shop.example', 'Subject: Outlook mail', `Message-ID: <${opts.messageId}>`,
    'Date: Fri, 27 Nov 2026 10:00:00 +0900', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="tnef-b"', '',
  ]
  if (opts.text !== undefined) lines.push('--tnef-b', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', Buffer.from(opts.text).toString('base64'))
  lines.push('--tnef-b', 'Content-Type: application/ms-tnef; name="winmail.dat"', 'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="winmail.dat"', '', ...(tnef.toString('base64').match(/.{1,76}/g) ?? []), '--tnef-b--', '')

  return Buffer.from(lines.join('\r\n'))
}

/**
 * A PR_RTF_COMPRESSED value ([MS-OXRTFCP]) holding `rtf`: "LZFu" made of literal
 * runs only (every control byte 0) and the end reference, with the spec's CRC. A
 * reader cannot tell it from Outlook's own output, which also uses back-references.
 */
export function compressedRtf(rtf: Buffer): Buffer {
  const runs: Buffer[] = []
  for (let i = 0; i < rtf.length; i += 8) runs.push(Buffer.from([0]), rtf.subarray(i, i + 8))
  // The end: a reference to where the next byte would be written in the 4 KB ring (the preamble is 207 bytes).
  const end = Buffer.alloc(3)
  end[0] = 1
  end.writeUInt16BE(((207 + rtf.length) % 4096) << 4, 1)
  const data = Buffer.concat([...runs, end])
  const header = Buffer.alloc(16)
  header.writeUInt32LE(data.length + 12, 0)
  header.writeUInt32LE(rtf.length, 4)
  header.writeUInt32LE(0x75465a4c, 8)
  header.writeUInt32LE(~crc32(data, 0xffffffff) >>> 0, 12)

  return Buffer.concat([header, data])
}
