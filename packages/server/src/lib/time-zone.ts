import type { DayNumber } from './civil-date.ts'

/**
 * IANA time zones with nothing but Intl: the offset of a zone at an instant, and the
 * instant of a wall-clock time, including days that skip or repeat an hour.
 */
const MS_PER_MINUTE = 60_000
export const MS_PER_DAY = 86_400_000

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    })
    formatters.set(timeZone, formatter)
  }

  return formatter
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)

    return true
  } catch {
    return false
  }
}

const BUCKET_MS = 15 * MS_PER_MINUTE
const bucketOffsets = new Map<string, Map<number, number>>()

function offsetAtBucket(timeZone: string, bucket: number): number {
  let offsets = bucketOffsets.get(timeZone)
  if (!offsets) bucketOffsets.set(timeZone, (offsets = new Map()))
  let offset = offsets.get(bucket)
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear()
    offset = exactOffsetAt(timeZone, bucket * BUCKET_MS)
    offsets.set(bucket, offset)
  }

  return offset
}

/**
 * Offset (local − UTC) in ms of `timeZone` at the instant `ms`. Intl is slow
 * (~20 µs a call), so offsets are remembered at quarter-hour marks: when both marks
 * around an instant agree, so does the instant (zones do not change twice within
 * 15 minutes); otherwise Intl is asked about the instant itself.
 */
export function offsetAt(timeZone: string, ms: number): number {
  const bucket = Math.floor(ms / BUCKET_MS)
  const before = offsetAtBucket(timeZone, bucket)

  return before === offsetAtBucket(timeZone, bucket + 1) ? before : exactOffsetAt(timeZone, ms)
}

function exactOffsetAt(timeZone: string, ms: number): number {
  const seconds = Math.floor(ms / 1000) * 1000
  const fields: Record<string, number> = {}
  let bc = false
  for (const part of formatterFor(timeZone).formatToParts(new Date(seconds))) {
    if (part.type === 'era') bc = part.value.startsWith('B')
    else if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  const date = new Date(0)
  date.setUTCFullYear(bc ? 1 - fields.year! : fields.year!, fields.month! - 1, fields.day!)
  date.setUTCHours(fields.hour!, fields.minute!, fields.second!)

  return date.getTime() - seconds
}

/** The local day (days since 1970-01-01) and the ms since local midnight of an instant. */
export function localTimeOf(timeZone: string, ms: number): { day: DayNumber; msOfDay: number } {
  const local = ms + offsetAt(timeZone, ms)
  const day = Math.floor(local / MS_PER_DAY)

  return { day, msOfDay: local - day * MS_PER_DAY }
}

/**
 * The instant at which clocks in `timeZone` show `minute` minutes after midnight
 * of `day` (1440 = the next midnight). Like Temporal's "compatible": a time that
 * is skipped (spring forward) maps to the same distance after the gap, a time that
 * repeats (fall back) to its first occurrence.
 */
export function instantOfLocal(timeZone: string, day: DayNumber, minute: number): number {
  const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE
  // Offsets a day either side: no zone changes its offset twice within two days.
  const before = offsetAt(timeZone, wall - MS_PER_DAY)
  const after = offsetAt(timeZone, wall + MS_PER_DAY)
  const valid = [before, after].map((offset) => wall - offset).filter((t) => offsetAt(timeZone, t) === wall - t)

  return valid.length > 0 ? Math.min(...valid) : wall - before
}
