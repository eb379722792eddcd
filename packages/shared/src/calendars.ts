import { z } from 'zod'
import { ianaTimeZone } from './auth.ts'

/**
 * Business calendars: when a team is at work, for SLA clocks, routing and
 * automation. Times are wall-clock times in the calendar's own time zone.
 */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number]

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (00:00–23:59)')
const hhmmEnd = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM (up to 24:00)')

/** One stretch of a day, e.g. 09:00–12:00; `24:00` ends at midnight. */
export const timeInterval = z
  .object({ start: hhmm, end: hhmmEnd })
  .strict()
  .refine((i) => i.end > i.start, { message: 'end must be after start', path: ['end'] })
export type TimeIntervalInput = z.infer<typeof timeInterval>

const dayHours = z
  .array(timeInterval)
  .max(12)
  .refine((intervals) => {
    const sorted = [...intervals].sort((a, b) => a.start.localeCompare(b.start))

    return sorted.every((i, k) => k === 0 || i.start >= sorted[k - 1]!.end)
  }, 'intervals of a day must not overlap')

/** Hours per weekday; a missing or empty day is closed. */
export const weeklyHours = z
  .object({
    sun: dayHours.default([]),
    mon: dayHours.default([]),
    tue: dayHours.default([]),
    wed: dayHours.default([]),
    thu: dayHours.default([]),
    fri: dayHours.default([]),
    sat: dayHours.default([]),
  })
  .strict()
export type WeeklyHours = z.infer<typeof weeklyHours>

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day))
  date.setUTCFullYear(year)

  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), 'not a calendar date')

/** `MM-DD`: the same day every year (02-29 included: leap years only). */
const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'MM-DD')
  .refine((s) => isRealDate(2000, Number(s.slice(0, 2)), Number(s.slice(3, 5))), 'not a day of the year')

const localizedLabel = z
  .object({ ja: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100).optional() })
  .strict()

/**
 * Closed from `from` to `to` inclusive: either dates (`2026-08-13`…`2026-08-14`) or
 * the same days every year (`12-29`…`01-03` for 年末年始, wrapping over New Year).
 */
export const calendarClosure = z
  .object({ from: z.union([isoDate, monthDay]), to: z.union([isoDate, monthDay]), name: localizedLabel.optional() })
  .strict()
  .refine((c) => c.from.length === c.to.length, { message: 'from and to must both be YYYY-MM-DD or both MM-DD', path: ['to'] })
  .refine((c) => c.from.length === 5 || c.to >= c.from, { message: 'to must not be before from', path: ['to'] })

/** A one-off day with its own hours (a Saturday before a launch, a short 12/28), over any closure or holiday. */
export const calendarOpenDay = z
  .object({ date: isoDate, hours: dayHours.optional(), name: localizedLabel.optional() })
  .strict()

const calendarName = z.string().trim().min(1).max(100)

export const createBusinessCalendarInput = z
  .object({
    name: calendarName,
    timeZone: ianaTimeZone.default('Asia/Tokyo'),
    weeklyHours,
    useNationalHolidays: z.boolean().default(true),
    closures: z.array(calendarClosure).max(200).default([]),
    openDays: z.array(calendarOpenDay).max(400).default([]),
    /** The account's default calendar (for SLA policies that name none); only one is. */
    isDefault: z.boolean().default(false),
  })
  .strict()
export type CreateBusinessCalendarInput = z.infer<typeof createBusinessCalendarInput>

export const updateBusinessCalendarInput = z
  .object({
    name: calendarName.optional(),
    timeZone: ianaTimeZone.optional(),
    weeklyHours: weeklyHours.optional(),
    useNationalHolidays: z.boolean().optional(),
    closures: z.array(calendarClosure).max(200).optional(),
    openDays: z.array(calendarOpenDay).max(400).optional(),
    isDefault: z.boolean().optional(),
  })
  .strict()
export type UpdateBusinessCalendarInput = z.infer<typeof updateBusinessCalendarInput>

export interface CalendarProblem {
  path: string
  code: string
  message: string
}

/**
 * Checks that need the whole calendar (after a PATCH merges into it): it opens at
 * some time of the week, dates are not listed twice, and an open day without its
 * own hours falls on a weekday that has some.
 */
export function calendarProblems(cal: Pick<CreateBusinessCalendarInput, 'weeklyHours' | 'openDays'>): CalendarProblem[] {
  const problems: CalendarProblem[] = []
  if (WEEKDAY_KEYS.every((d) => cal.weeklyHours[d].length === 0) && cal.openDays.length === 0) {
    problems.push({ path: 'weeklyHours', code: 'never_open', message: 'The calendar has no opening hours at all' })
  }
  const seen = new Set<string>()
  cal.openDays.forEach((o, i) => {
    if (seen.has(o.date)) problems.push({ path: `openDays.${i}.date`, code: 'duplicate', message: 'This date is listed twice' })
    seen.add(o.date)
    const weekday = WEEKDAY_KEYS[new Date(`${o.date}T00:00:00Z`).getUTCDay()]!
    if (!o.hours && cal.weeklyHours[weekday].length === 0) {
      problems.push({ path: `openDays.${i}.hours`, code: 'hours_required', message: `No usual hours on ${weekday}: give this day its hours` })
    }
  })

  return problems
}

const localizedName = z.object({ ja: z.string(), en: z.string() })

export const businessCalendarView = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  weeklyHours,
  useNationalHolidays: z.boolean(),
  closures: z.array(calendarClosure),
  openDays: z.array(calendarOpenDay),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type BusinessCalendarView = z.infer<typeof businessCalendarView>

export const businessCalendarList = z.object({ items: z.array(businessCalendarView) })

export const calendarIdParams = z.object({ id: z.string() })

export const calendarHolidaysQuery = z.object({ year: z.coerce.number().int().min(1948).max(9999) }).strict()

export const CLOSED_DAY_KINDS = ['national', 'substitute', 'citizens', 'closure'] as const

export const closedDayView = z.object({
  date: z.string(),
  /** national = 祝日, substitute = 振替休日, citizens = 国民の休日, closure = the calendar's own closure */
  kind: z.enum(CLOSED_DAY_KINDS),
  name: localizedName,
})
export type ClosedDayView = z.infer<typeof closedDayView>

export const calendarHolidaysView = z.object({ calendarId: z.string(), year: z.number().int(), days: z.array(closedDayView) })
export type CalendarHolidaysView = z.infer<typeof calendarHolidaysView>

/**
 * An instant with its offset (`2026-11-27T10:00:00+09:00` or `…Z`). A `+` sent
 * unencoded in a query string arrives as a space; it is put back.
 */
const instant = z
  .string()
  .max(40)
  .transform((s) => s.replace(' ', '+'))
  .pipe(z.iso.datetime({ offset: true }))

export const calendarOpenQuery = z.object({ at: instant.optional() }).strict()
export const calendarOpenView = z.object({
  at: z.string(),
  open: z.boolean(),
  /** End of the open stretch `at` is in (null when closed). */
  closesAt: z.string().nullable(),
  /** `at` itself when open; null when the calendar never opens again. */
  nextOpeningAt: z.string().nullable(),
})
export type CalendarOpenView = z.infer<typeof calendarOpenView>

export const calendarAddQuery = z
  .object({ start: instant.optional(), minutes: z.coerce.number().int().min(0).max(10_000_000) })
  .strict()
export const calendarAddView = z.object({
  start: z.string(),
  minutes: z.number().int(),
  /** When `minutes` of business time have passed; null if the calendar never opens again. */
  end: z.string().nullable(),
})
export type CalendarAddView = z.infer<typeof calendarAddView>
