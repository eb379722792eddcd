import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BusinessCalendar, TimeInterval } from './business-hours.ts'
import { addBusinessMinutes, businessMinutesBetween, closesAfter, isOpen, nextOpening, openSpanAt, openSpansOfDay } from './business-hours.ts'
import { dayNumberOf } from './civil-date.ts'

const WEEKDAY_HOURS: TimeInterval[] = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }]

/** A Tokyo support desk: weekdays with a lunch break, 祝日 off, 年末年始 and お盆 closed, one Saturday open. */
const tokyo: BusinessCalendar = {
  timeZone: 'Asia/Tokyo',
  weeklyHours: { mon: WEEKDAY_HOURS, tue: WEEKDAY_HOURS, wed: WEEKDAY_HOURS, thu: WEEKDAY_HOURS, fri: WEEKDAY_HOURS },
  useNationalHolidays: true,
  closures: [
    { from: '12-29', to: '01-03', name: { ja: '年末年始', en: 'Year-end holidays' } },
    { from: '2026-08-13', to: '2026-08-14', name: { ja: '夏季休業' } },
  ],
  openDays: [
    { date: '2026-11-28', hours: [{ start: '10:00', end: '15:00' }], name: { ja: '臨時営業' } },
    { date: '2027-07-19' }, // 海の日, open with the usual Monday hours
  ],
}

const nineToFive: TimeInterval[] = [{ start: '09:00', end: '17:00' }]
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  weeklyHours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  useNationalHolidays: false,
  closures: [],
  openDays: [],
}

const allDay = [{ start: '00:00', end: '24:00' }]
const always = (timeZone: string): BusinessCalendar => ({
  timeZone,
  weeklyHours: { sun: allDay, mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay },
  useNationalHolidays: false,
  closures: [],
  openDays: [],
})

const nights: TimeInterval[] = [{ start: '00:00', end: '06:00' }, { start: '22:00', end: '24:00' }]
const nightShift: BusinessCalendar = { ...always('Asia/Tokyo'), weeklyHours: { mon: nights, tue: nights, wed: nights, thu: nights, fri: nights } }

const jst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+09:00`)
const utc = (iso: string) => new Date(iso)

describe('isOpen (Tokyo, weekdays 09–12 and 13–18)', () => {
  it.each([
    ['Friday morning', '2026-11-27 09:30', true],
    ['opening minute', '2026-11-27 09:00', true],
    ['lunch break', '2026-11-27 12:30', false],
    ['last minute', '2026-11-27 17:59', true],
    ['closing time is closed', '2026-11-27 18:00', false],
    ['night', '2026-11-27 23:00', false],
    ['Saturday open day', '2026-11-28 11:00', true],
    ['after the open day\'s hours', '2026-11-28 15:30', false],
    ['ordinary Saturday', '2026-12-05 11:00', false],
    ['勤労感謝の日', '2026-11-23 11:00', false],
    ['振替休日 in Golden Week', '2026-05-06 11:00', false],
    ['after Golden Week', '2026-05-07 11:00', true],
    ['国民の休日', '2026-09-22 11:00', false],
    ['年末年始', '2026-12-29 11:00', false],
    ['年末年始 across New Year', '2027-01-04 08:59', false],
    ['first day back', '2027-01-04 09:00', true],
    ['company holiday', '2026-08-13 11:00', false],
    ['holiday overridden by an open day', '2027-07-19 11:00', true],
  ])('%s (%s JST) → %s', (_label, local, open) => {
    expect(isOpen(tokyo, jst(local))).toBe(open)
  })
})

describe('addBusinessMinutes', () => {
  it.each([
    ['zero minutes is the start', tokyo, jst('2026-11-24 20:00'), 0, jst('2026-11-24 20:00')],
    ['within a morning', tokyo, jst('2026-11-24 09:00'), 60, jst('2026-11-24 10:00')],
    ['across lunch', tokyo, jst('2026-11-24 11:30'), 60, jst('2026-11-24 13:30')],
    ['an exact fit ends at closing time', tokyo, jst('2026-11-24 09:00'), 480, jst('2026-11-24 18:00')],
    ['one more minute is next morning', tokyo, jst('2026-11-24 09:00'), 481, jst('2026-11-25 09:01')],
    ['before opening starts at opening', tokyo, jst('2026-11-24 07:00'), 30, jst('2026-11-24 09:30')],
    ['across the night', tokyo, jst('2026-11-24 17:30'), 60, jst('2026-11-25 09:30')],
    ['weekend and a Monday holiday', tokyo, jst('2026-11-20 17:30'), 60, jst('2026-11-24 09:30')],
    ['into a Saturday open day', tokyo, jst('2026-11-27 17:30'), 60, jst('2026-11-28 10:30')],
    ['Golden Week 5/2–5/6', tokyo, jst('2026-05-01 17:00'), 120, jst('2026-05-07 10:00')],
    ['year-end 12/29–1/3 and New Year', tokyo, jst('2026-12-28 17:00'), 90, jst('2027-01-04 09:30')],
    ['two full weeks', tokyo, jst('2026-11-30 09:00'), 10 * 480, jst('2026-12-11 18:00')],
    ['started on a holiday', tokyo, jst('2026-11-23 10:00'), 15, jst('2026-11-24 09:15')],
    ['New York over a weekend (EST)', newYork, utc('2026-02-27T21:00:00Z'), 120, utc('2026-03-02T15:00:00Z')],
    ['New York across spring-forward', newYork, utc('2026-03-06T21:00:00Z'), 120, utc('2026-03-09T14:00:00Z')],
    ['New York across fall-back', newYork, utc('2026-10-30T20:00:00Z'), 120, utc('2026-11-02T15:00:00Z')],
    ['24/7 through the skipped hour', always('America/New_York'), utc('2026-03-08T06:00:00Z'), 60, utc('2026-03-08T07:00:00Z')],
    ['24/7 through the repeated hour', always('America/New_York'), utc('2026-11-01T05:00:00Z'), 120, utc('2026-11-01T07:00:00Z')],
    ['night shift across midnight', nightShift, jst('2026-11-24 23:00'), 120, jst('2026-11-25 01:00')],
    ['night shift into the next night', nightShift, jst('2026-11-25 05:00'), 120, jst('2026-11-25 23:00')],
  ])('%s', (_label, cal, start, minutes, expected) => {
    expect(addBusinessMinutes(cal, start, minutes)?.toISOString()).toBe(expected.toISOString())
  })

  it('refuses negative and non-finite minutes, and gives null when the calendar never opens', () => {
    expect(() => addBusinessMinutes(tokyo, jst('2026-11-24 09:00'), -1)).toThrow(RangeError)
    expect(() => addBusinessMinutes(tokyo, jst('2026-11-24 09:00'), Number.NaN)).toThrow(RangeError)
    const never: BusinessCalendar = { ...tokyo, weeklyHours: {}, openDays: [] }
    expect(addBusinessMinutes(never, jst('2026-11-24 09:00'), 10)).toBeNull()
    expect(nextOpening(never, jst('2026-11-24 09:00'))).toBeNull()
  })
})

describe('businessMinutesBetween', () => {
  it.each([
    ['one working day', tokyo, jst('2026-11-24 00:00'), jst('2026-11-25 00:00'), 480],
    ['reversed is negative', tokyo, jst('2026-11-25 00:00'), jst('2026-11-24 00:00'), -480],
    ['over a weekend and a holiday', tokyo, jst('2026-11-20 17:00'), jst('2026-11-24 10:00'), 120],
    ['a week with a Saturday open day', tokyo, jst('2026-11-23 00:00'), jst('2026-11-30 00:00'), 4 * 480 + 300],
    ['Golden Week 4/29–5/6 2026', tokyo, jst('2026-04-29 00:00'), jst('2026-05-07 00:00'), 2 * 480],
    ['年末年始', tokyo, jst('2026-12-28 12:00'), jst('2027-01-05 00:00'), 300 + 480],
    ['inside lunch', tokyo, jst('2026-11-24 12:10'), jst('2026-11-24 12:50'), 0],
    ['New York DST week', newYork, utc('2026-03-06T05:00:00Z'), utc('2026-03-10T04:00:00Z'), 2 * 480],
    ['London 24/7: the spring day has 23 hours', always('Europe/London'), utc('2026-03-29T00:00:00Z'), utc('2026-03-29T23:00:00Z'), 23 * 60],
    ['London 24/7: the autumn day has 25 hours', always('Europe/London'), utc('2026-10-24T23:00:00Z'), utc('2026-10-26T00:00:00Z'), 25 * 60],
    ['seconds count as fractions', tokyo, jst('2026-11-24 09:00'), new Date(jst('2026-11-24 09:00').getTime() + 90_000), 1.5],
  ])('%s', (_label, cal, a, b, minutes) => {
    expect(businessMinutesBetween(cal, a, b)).toBe(minutes)
  })

  it('is the inverse of addBusinessMinutes for any start and duration', () => {
    const start = fc.integer({ min: jst('2026-01-01 00:00').getTime(), max: jst('2027-12-31 00:00').getTime() })
    fc.assert(
      fc.property(fc.constantFrom(tokyo, newYork, nightShift), start, fc.integer({ min: 0, max: 20_000 }), (cal, ms, minutes) => {
        const end = addBusinessMinutes(cal, new Date(ms), minutes)!
        expect(end.getTime()).toBeGreaterThanOrEqual(ms)
        expect(businessMinutesBetween(cal, new Date(ms), end)).toBe(minutes)
        // Nothing earlier would do: one minute before the end, a minute is still owed.
        if (minutes > 0) expect(businessMinutesBetween(cal, new Date(ms), new Date(end.getTime() - 60_000))).toBeLessThan(minutes)
      }),
      { numRuns: 300 },
    )
  })
})

describe('nextOpening and open spans', () => {
  it.each([
    ['open now: now', tokyo, jst('2026-11-24 10:00'), jst('2026-11-24 10:00')],
    ['after lunch', tokyo, jst('2026-11-24 12:01'), jst('2026-11-24 13:00')],
    ['Friday evening → Saturday open day', tokyo, jst('2026-11-27 18:30'), jst('2026-11-28 10:00')],
    ['Saturday afternoon → Monday', tokyo, jst('2026-11-28 15:00'), jst('2026-11-30 09:00')],
    ['年末 → 1/4', tokyo, jst('2026-12-28 18:00'), jst('2027-01-04 09:00')],
    ['New York Saturday → Monday 09:00 EDT', newYork, utc('2026-03-07T15:00:00Z'), utc('2026-03-09T13:00:00Z')],
  ])('%s', (_label, cal, at, expected) => {
    expect(nextOpening(cal, at)?.toISOString()).toBe(expected.toISOString())
  })

  it('tells the span the calendar is open in', () => {
    expect(openSpanAt(tokyo, jst('2026-11-24 14:00'))).toEqual([jst('2026-11-24 13:00').getTime(), jst('2026-11-24 18:00').getTime()])
    expect(openSpanAt(tokyo, jst('2026-11-24 12:00'))).toBeNull()
  })

  it('tells when an open period ends, across midnight for night shifts', () => {
    expect(closesAfter(tokyo, jst('2026-11-24 10:00'))?.toISOString()).toBe(jst('2026-11-24 12:00').toISOString())
    expect(closesAfter(nightShift, jst('2026-11-24 23:00'))?.toISOString()).toBe(jst('2026-11-25 06:00').toISOString())
    // Friday night runs into Saturday, which has no night hours.
    expect(closesAfter(nightShift, jst('2026-11-27 23:00'))?.toISOString()).toBe(jst('2026-11-28 00:00').toISOString())
    expect(closesAfter(tokyo, jst('2026-11-24 12:30'))).toBeNull()
  })

  it('drops the hour that does not exist on a spring-forward day', () => {
    const early: BusinessCalendar = { ...always('America/New_York'), weeklyHours: { sun: [{ start: '01:30', end: '03:30' }] } }
    const spans = openSpansOfDay(early, dayNumberOf(2026, 3, 8))
    // 01:30 EST → 03:30 EDT is one real hour.
    expect(spans).toEqual([[utc('2026-03-08T06:30:00Z').getTime(), utc('2026-03-08T07:30:00Z').getTime()]])
  })
})
