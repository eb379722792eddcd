/**
 * Calendar dates without a time zone ("civil" dates), as whole day numbers
 * (days since 1970-01-01), so that holiday rules and business calendars can step
 * day by day with plain integer arithmetic instead of Date objects and offsets.
 */
export type DayNumber = number

/** `YYYY-MM-DD` */
export type IsoDate = string

export interface CivilDate {
  year: number
  month: number
  day: number
}

const MS_PER_DAY = 86_400_000

export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)

  return Math.floor(date.getTime() / MS_PER_DAY)
}

export function civilOf(dayNumber: DayNumber): CivilDate {
  const date = new Date(dayNumber * MS_PER_DAY)

  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** 0 = Sunday … 6 = Saturday (as `Date#getDay`). 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

export function isoDateOf(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = civilOf(dayNumber)

  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The day number of a real `YYYY-MM-DD` date, or null (2026-02-30 is not a date). */
export function parseIsoDate(text: string): DayNumber | null {
  const match = ISO_DATE_RE.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const n = dayNumberOf(year, month, day)
  const back = civilOf(n)

  return back.year === year && back.month === month && back.day === day ? n : null
}

/** The n-th (1-based) given weekday of a month, e.g. the 2nd Monday of January. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): DayNumber {
  const first = dayNumberOf(year, month, 1)
  const offset = (weekday - weekdayOf(first) + 7) % 7

  return first + offset + (nth - 1) * 7
}
