import { randomBytes } from 'node:crypto'

/**
 * UUIDv7 (RFC 9562): time-ordered, so new rows append to the end of primary-key
 * indexes and `ORDER BY id` is creation order — the basis of cursor pagination.
 * Monotonic within a process: ids minted in the same millisecond still sort.
 */
let lastMs = 0
let seq = 0

// Drawing 16 random bytes per id from the OS costs more than the rest of newId;
// take them from a pool refilled 4,096 ids at a time.
const POOL_IDS = 4096
let pool = Buffer.alloc(0)
let poolOffset = 0

function randomId16(): Buffer {
  if (poolOffset >= pool.length) {
    pool = randomBytes(16 * POOL_IDS)
    poolOffset = 0
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + 16))
  poolOffset += 16

  return bytes
}

export function newId(nowMs: number = Date.now()): string {
  if (nowMs <= lastMs) {
    seq++
    if (seq > 0xfff) {
      lastMs++
      seq = 0
    }
  } else {
    lastMs = nowMs
    seq = 0
  }
  const bytes = randomId16()
  const ms = lastMs
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff
  bytes[2] = (ms >>> 24) & 0xff
  bytes[3] = (ms >>> 16) & 0xff
  bytes[4] = (ms >>> 8) & 0xff
  bytes[5] = ms & 0xff
  bytes[6] = 0x70 | ((seq >>> 8) & 0x0f)
  bytes[7] = seq & 0xff
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')

  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function isId(value: string): boolean {
  return UUID_RE.test(value)
}
