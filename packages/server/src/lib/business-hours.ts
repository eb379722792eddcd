import type { DayNumber, IsoDate } from './civil-date.ts'
import { civilOf, parseIsoDate, weekdayOf } from './civil-date.ts'
import { japaneseHolidayOnDay } from './japanese-holidays.ts'
import { instantOfLocal, localTimeOf } from './time-zone.ts'

/**
 * Business calendars: when is a team at work, in its own time zone? Pure functions
 * over a plain settings object (the same shape the API stores), so SLA clocks,
 * routing and automation can all ask the same questions.
 *
 * A day's hours come from, in order of precedence: an open day for that date (a
 * one-off override, e.g. Saturday support before a launch or a short 12/28), a
 * closure (year-end 年末年始 12/29–1/3, company holidays), a Japanese national
 * holiday when `useNationalHolidays`, and otherwise the weekly hours of that
 * weekday. Intervals are wall-clock times within one local day; a night shift
 * past midnight is written as two intervals (22:00–24:00, then 00:00–06:00).
 */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export interface TimeInterval {
  /** `HH:MM`, 00:00–23:59 */
  start: string
  /** `HH:MM`, after start, up to 24:00 */
  end: string
}

export interface CalendarName {
  ja: string
  en?: string | undefined
}

export interface Closure {
  /** `YYYY-MM-DD` for one period, or `MM-DD` for every year (may wrap over New Year). */
  from: string
  /** Inclusive; the same form as `from`. */
  to: string
  name?: CalendarName | undefined
}

export interface OpenDay {
  date: IsoDate
  /** Hours of that day; the weekday's usual hours when omitted. */
  hours?: TimeInterval[] | undefined
  name?: CalendarName | undefined
}

export interface BusinessCalendar {
  timeZone: string
  weeklyHours: Partial<Record<Weekday, TimeInterval[]>>
  useNationalHolidays: boolean
  closures: Closure[]
  openDays: OpenDay[]
}

/** [start, end) in ms since the epoch. */
export type Span = readonly [start: number, end: number]

/** Stop looking after this many days in a row without a single open minute. */
export const MAX_CLOSED_DAYS = 800

type Minutes = readonly (readonly [number, number])[]
interface Compiled {
  timeZone: string
  weekly: Minutes[]
  holidays: boolean
  closures: { closure: Closure; covers: (day: DayNumber) => boolean }[]
  openDays: Map<DayNumber, Minutes | null>
  /** Open spans per local day: computing them costs several Intl calls. */
  spans: Map<DayNumber, Span[]>
}

export function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)

  return h! * 60 + m!
}

/** Sorted, merged minute ranges; empty or inverted intervals are dropped. */
function toMinutes(intervals: readonly TimeInterval[]): Minutes {
  const spans = intervals
    .map((i) => [minuteOfDay(i.start), minuteOfDay(i.end)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else merged.push([...span])
  }

  return merged
}

function closureTest(closure: Closure): (day: DayNumber) => boolean {
  const from = parseIsoDate(closure.from)
  const to = parseIsoDate(closure.to)
  if (from !== null && to !== null) return (day) => day >= from && day <= to
  const md = (text: string) => Number(text.replace('-', ''))
  const [a, b] = [md(closure.from), md(closure.to)]

  return (day) => {
    const { month, day: d } = civilOf(day)
    const x = month * 100 + d

    return a <= b ? x >= a && x <= b : x >= a || x <= b
  }
}

const compiled = new WeakMap<BusinessCalendar, Compiled>()

function compile(cal: BusinessCalendar): Compiled {
  let c = compiled.get(cal)
  if (!c) {
    c = {
      timeZone: cal.timeZone,
      weekly: WEEKDAYS.map((d) => toMinutes(cal.weeklyHours[d] ?? [])),
      holidays: cal.useNationalHolidays,
      closures: cal.closures.map((closure) => ({ closure, covers: closureTest(closure) })),
      openDays: new Map(cal.openDays.map((o) => [parseIsoDate(o.date)!, o.hours ? toMinutes(o.hours) : null])),
      spans: new Map(),
    }
    compiled.set(cal, c)
  }

  return c
}

/** The first closure covering a local day, if any. */
export function closureOn(cal: BusinessCalendar, day: DayNumber): Closure | undefined {
  return compile(cal).closures.find((c) => c.covers(day))?.closure
}

export function isOpenDay(cal: BusinessCalendar, day: DayNumber): boolean {
  return compile(cal).openDays.has(day)
}

/** Why a local day has the hours it has: the precedence rules in one place. */
export function dayStatus(cal: BusinessCalendar, day: DayNumber): 'open_day' | 'closure' | 'holiday' | 'weekly' {
  const c = compile(cal)
  if (c.openDays.has(day)) return 'open_day'
  if (closureOn(cal, day)) return 'closure'
  if (c.holidays && japaneseHolidayOnDay(day)) return 'holiday'

  return 'weekly'
}

function minutesOfDay(cal: BusinessCalendar, day: DayNumber): Minutes {
  const c = compile(cal)
  const status = dayStatus(cal, day)
  if (status === 'closure' || status === 'holiday') return []
  const weekly = c.weekly[weekdayOf(day)]!

  return status === 'open_day' ? (c.openDays.get(day) ?? weekly) : weekly
}

/** The open spans of one local day, as instants. */
export function openSpansOfDay(cal: BusinessCalendar, day: DayNumber): readonly Span[] {
  const cache = compile(cal).spans
  let spans = cache.get(day)
  if (!spans) {
    spans = minutesOfDay(cal, day)
      .map(([s, e]) => [instantOfLocal(cal.timeZone, day, s), instantOfLocal(cal.timeZone, day, e)] as const)
      .filter(([s, e]) => e > s)
    if (cache.size > 20_000) cache.clear()
    cache.set(day, spans)
  }

  return spans
}

/**
 * Open spans from `fromMs` on, clipped to start there, in order; ends when there
 * has been no open minute for MAX_CLOSED_DAYS days in a row.
 */
export function* openSpansFrom(cal: BusinessCalendar, fromMs: number): Generator<Span> {
  // Start a day early: with a zone that falls back at midnight, yesterday's last
  // hour can come after today's first.
  let day = localTimeOf(cal.timeZone, fromMs).day - 1
  let closedDays = 0
  while (closedDays < MAX_CLOSED_DAYS) {
    let any = false
    for (const [s, e] of openSpansOfDay(cal, day)) {
      any = true
      if (e > fromMs) yield [Math.max(s, fromMs), e]
    }
    closedDays = any ? 0 : closedDays + 1
    day++
  }
}

/** Open spans overlapping [fromMs, toMs), clipped to it. */
export function openSpansBetween(cal: BusinessCalendar, fromMs: number, toMs: number): Span[] {
  const spans: Span[] = []
  if (toMs <= fromMs) return spans
  const lastDay = localTimeOf(cal.timeZone, toMs).day
  for (let day = localTimeOf(cal.timeZone, fromMs).day - 1; day <= lastDay; day++) {
    for (const [s, e] of openSpansOfDay(cal, day)) {
      if (e > fromMs && s < toMs) spans.push([Math.max(s, fromMs), Math.min(e, toMs)])
    }
  }

  return spans
}

/** The open span containing `at`, if the calendar is open then. */
export function openSpanAt(cal: BusinessCalendar, at: Date): Span | null {
  const ms = at.getTime()
  const day = localTimeOf(cal.timeZone, ms).day
  for (const d of [day - 1, day, day + 1]) {
    for (const span of openSpansOfDay(cal, d)) if (span[0] <= ms && ms < span[1]) return span
  }

  return null
}

/**
 * When the open period around `at` ends, across touching spans (a 24-hour desk
 * does not "close" at midnight); null when closed at `at`. Looks at most a year ahead.
 */
export function closesAfter(cal: BusinessCalendar, at: Date): Date | null {
  const span = openSpanAt(cal, at)
  if (!span) return null
  let end = span[1]
  const horizon = at.getTime() + 366 * 86_400_000
  for (const [s, e] of openSpansFrom(cal, end)) {
    if (s > end || end >= horizon) break
    end = Math.max(end, e)
  }

  return new Date(end)
}

export function isOpen(cal: BusinessCalendar, at: Date): boolean {
  return openSpanAt(cal, at) !== null
}

/** The first instant at or after `at` when the calendar is open (`at` itself if open). */
export function nextOpening(cal: BusinessCalendar, at: Date): Date | null {
  const first = openSpansFrom(cal, at.getTime()).next()

  return first.done ? null : new Date(first.value[0])
}

/**
 * The instant at which `minutes` of business time have passed since `start`;
 * an exact fit ends at the closing time (09:00 + 540 min on a 09:00–18:00 day is
 * 18:00 that day, not 09:00 the next). Null when the calendar never opens again.
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date | null {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`)
  let left = Math.round(minutes * 60_000)
  if (left === 0) return new Date(start.getTime())
  for (const [s, e] of openSpansFrom(cal, start.getTime())) {
    if (e - s >= left) return new Date(s + left)
    left -= e - s
  }

  return null
}

/** Business minutes in [a, b) (negative when b is before a); may be fractional. */
export function businessMinutesBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  const [from, to, sign] = a <= b ? [a.getTime(), b.getTime(), 1] : [b.getTime(), a.getTime(), -1]
  const ms = openSpansBetween(cal, from, to).reduce((sum, [s, e]) => sum + (e - s), 0)

  return (sign * ms) / 60_000
}
