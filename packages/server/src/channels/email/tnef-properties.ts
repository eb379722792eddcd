/**
 * MAPI property lists inside TNEF ([MS-OXTNEF] 2.1.3.4) and the bounds-checked
 * cursor the whole reader uses: every length is checked before it is read.
 */

export interface PropertyLimits {
  maxProperties: number
  maxValues: number
}

export class TnefError extends Error {
  constructor(readonly reason: string) {
    super(`tnef: ${reason}`)
  }
}

export const PT_STRING8 = 0x001e
export const PT_UNICODE = 0x001f
export const PT_BINARY = 0x0102
export const PT_OBJECT = 0x000d
const MV_FLAG = 0x1000
/** Bytes of one value of each fixed-size type as TNEF writes it (2-byte types padded to 4). */
const FIXED_SIZES = new Map<number, number>([
  [0x0002, 4], [0x0003, 4], [0x0004, 4], [0x0005, 8], [0x0006, 8], [0x0007, 8], [0x000a, 4], [0x000b, 4], [0x0014, 8], [0x0040, 8], [0x0048, 16],
])
const VARIABLE_TYPES = new Set([PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT])

export interface Prop {
  type: number
  /** First value only: what the help desk reads is never multi-valued. */
  value: Buffer
}
export type Props = Map<number, Prop>

/** Bounds-checked little-endian cursor over one buffer. */
export class Cursor {
  pos = 0
  constructor(readonly buf: Buffer) {}
  get left(): number {
    return this.buf.length - this.pos
  }
  take(n: number): Buffer {
    if (!Number.isSafeInteger(n) || n < 0 || n > this.left) throw new TnefError('truncated')
    const out = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n

    return out
  }
  u8(): number {
    return this.take(1)[0]!
  }
  u16(): number {
    return this.take(2).readUInt16LE(0)
  }
  u32(): number {
    return this.take(4).readUInt32LE(0)
  }
  /** Skips the padding that aligns variable-length values to 4 bytes (the last one may be cut off). */
  pad(length: number): void {
    this.pos = Math.min(this.buf.length, this.pos + ((4 - (length % 4)) % 4))
  }
}

/**
 * A MAPI property list ([MS-OXTNEF] 2.1.3.4). A list that breaks off keeps the
 * properties read before the break: a damaged tail should not cost the file names.
 */
export function readProps(data: Buffer, max: PropertyLimits, warnings: Set<string>): Props {
  const props: Props = new Map()
  const cursor = new Cursor(data)
  try {
    const count = cursor.u32()
    if (count > max.maxProperties) throw new TnefError('too_many_properties')
    for (let i = 0; i < count; i++) {
      const type = cursor.u16()
      const id = cursor.u16()
      if (id >= 0x8000) skipPropertyName(cursor)
      const value = readValue(cursor, type, max)
      if (value && !props.has(id)) props.set(id, { type: type & ~MV_FLAG, value })
    }
  } catch (error) {
    if (!(error instanceof TnefError)) throw error
    warnings.add(`tnef.properties_${error.reason}`)
  }

  return props
}

/** Named properties carry a GUID and either a number or a UTF-16 name before the value. */
function skipPropertyName(cursor: Cursor): void {
  cursor.take(16)
  const kind = cursor.u32()
  if (kind === 0) cursor.u32()
  else if (kind === 1) {
    const length = cursor.u32()
    cursor.take(length)
    cursor.pad(length)
  } else throw new TnefError('bad_property_name')
}

function readValue(cursor: Cursor, type: number, max: PropertyLimits): Buffer | null {
  const base = type & ~MV_FLAG
  const multi = (type & MV_FLAG) !== 0
  const fixed = FIXED_SIZES.get(base)
  if (fixed !== undefined) {
    const n = multi ? cursor.u32() : 1
    if (n > max.maxValues) throw new TnefError('too_many_values')
    let first: Buffer | null = null
    for (let i = 0; i < n; i++) {
      const v = cursor.take(fixed)
      first ??= v
    }

    return first
  }
  if (!VARIABLE_TYPES.has(base)) throw new TnefError('unknown_property_type')
  // Variable-length values always carry a count, even when not multi-valued.
  const n = cursor.u32()
  if (n > max.maxValues) throw new TnefError('too_many_values')
  let first: Buffer | null = null
  for (let i = 0; i < n; i++) {
    const length = cursor.u32()
    const v = cursor.take(length)
    cursor.pad(length)
    first ??= v
  }

  return first
}
