/**
 * "2h 10m" / 「2時間10分」 from a number of minutes: days and hours past a day,
 * hours and minutes past an hour, minutes below. Pure, so the badge rules are
 * tested without a browser.
 */
export type DurationKey = 'dh' | 'hm' | 'h' | 'm'

export interface DurationParts {
  key: DurationKey
  d: number
  h: number
  m: number
}

export function durationParts(totalMinutes: number): DurationParts {
  const minutes = Math.max(0, Math.round(totalMinutes))
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const m = minutes % 60
  if (d > 0) return { key: 'dh', d, h, m }
  if (h > 0) return { key: m === 0 ? 'h' : 'hm', d, h, m }

  return { key: 'm', d, h, m }
}

/** Whole minutes between two instants, rounded so that "due in" never shows 0 before the due time. */
export function minutesUntil(dueAt: string, now: number): number {
  const ms = Date.parse(dueAt) - now

  if (ms > 0) return Math.ceil(ms / 60_000)
  const overdue = Math.floor(-ms / 60_000)

  return overdue === 0 ? 0 : -overdue
}
