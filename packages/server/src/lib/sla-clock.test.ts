import { describe, expect, it } from 'vitest'
import type { BusinessCalendar, TimeInterval } from './business-hours.ts'
import type { SlaClockInput, SlaPause } from './sla-clock.ts'
import { computeSlaClock } from './sla-clock.ts'

const HOURS: TimeInterval[] = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }]
const tokyo: BusinessCalendar = {
  timeZone: 'Asia/Tokyo',
  weeklyHours: { mon: HOURS, tue: HOURS, wed: HOURS, thu: HOURS, fri: HOURS },
  useNationalHolidays: true,
  closures: [{ from: '12-29', to: '01-03' }],
  openDays: [],
}

const jst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+09:00`)
const pause = (from: string, to: string | null): SlaPause => ({ from: jst(from), to: to ? jst(to) : null })
const clock = (input: Omit<SlaClockInput, 'calendar'>) => {
  const c = computeSlaClock({ calendar: tokyo, ...input })

  return { ...c, dueAt: c.dueAt?.toISOString() ?? null, warningAt: c.warningAt?.toISOString() ?? null }
}
const iso = (local: string) => jst(local).toISOString()

// Tuesday 2026-11-24, four business hours from 10:00: due 15:00, warning (75 %) at 14:00.
const base = { targetMinutes: 240, startedAt: jst('2026-11-24 10:00') }

describe('SLA clock without pauses', () => {
  it.each([
    ['just started', '2026-11-24 10:00', 'ok', 0, 240],
    ['an hour in', '2026-11-24 11:00', 'ok', 60, 180],
    ['lunch does not count', '2026-11-24 12:45', 'ok', 120, 120],
    ['at the warning mark', '2026-11-24 14:00', 'warning', 180, 60],
    ['at the due minute, not yet breached', '2026-11-24 15:00', 'warning', 240, 0],
    ['one minute late', '2026-11-24 15:01', 'breached', 241, -1],
    ['late overnight: the night does not count', '2026-11-25 08:00', 'breached', 420, -180],
  ])('%s (%s)', (_label, now, state, elapsed, remaining) => {
    expect(clock({ ...base, now: jst(now) })).toEqual({
      state, status: 'running', dueAt: iso('2026-11-24 15:00'), warningAt: iso('2026-11-24 14:00'),
      elapsedMinutes: elapsed, remainingMinutes: remaining,
    })
  })

  it('runs across a weekend and a Monday holiday (勤労感謝の日)', () => {
    const c = clock({ targetMinutes: 480, startedAt: jst('2026-11-20 16:00'), now: jst('2026-11-23 12:00') })
    expect(c).toMatchObject({ dueAt: iso('2026-11-24 16:00'), state: 'ok', elapsedMinutes: 120, status: 'running' })
  })

  it('runs across 年末年始', () => {
    const c = clock({ targetMinutes: 120, startedAt: jst('2026-12-28 17:00'), now: jst('2027-01-02 12:00') })
    expect(c).toMatchObject({ dueAt: iso('2027-01-04 10:00'), state: 'ok', elapsedMinutes: 60, remainingMinutes: 60 })
  })
})

describe('SLA clock with pauses (waiting on the customer)', () => {
  it.each<[string, SlaPause[], string, string | null, string, number, string]>([
    ['a pause over lunch shifts the due time by its business minutes',
      [pause('2026-11-24 11:00', '2026-11-24 13:30')], '2026-11-24 16:00', iso('2026-11-24 16:30'), 'warning', 210, 'running'],
    ['overlapping, unsorted pauses count once',
      [pause('2026-11-24 11:30', '2026-11-24 13:30'), pause('2026-11-24 11:00', '2026-11-24 12:30')], '2026-11-24 16:00', iso('2026-11-24 16:30'), 'warning', 210, 'running'],
    ['a pause that began before the clock only counts from the start',
      [pause('2026-11-24 08:00', '2026-11-24 11:00')], '2026-11-24 12:00', iso('2026-11-24 16:00'), 'ok', 60, 'running'],
    ['a pause outside business hours changes nothing',
      [pause('2026-11-24 12:00', '2026-11-24 13:00')], '2026-11-24 14:00', iso('2026-11-24 15:00'), 'warning', 180, 'running'],
    ['still waiting on the customer: no due time, remaining frozen',
      [pause('2026-11-24 11:00', null)], '2026-11-26 12:00', null, 'ok', 60, 'paused'],
    ['paused now, after an earlier pause',
      [pause('2026-11-24 10:30', '2026-11-24 11:00'), pause('2026-11-24 14:00', null)], '2026-11-24 15:30', null, 'ok', 150, 'paused'],
    ['a customer reply resumes the clock',
      [pause('2026-11-24 11:00', '2026-11-25 10:00')], '2026-11-25 10:30', iso('2026-11-25 14:00'), 'ok', 90, 'running'],
  ])('%s', (_label, pauses, now, dueAt, state, elapsed, status) => {
    const c = clock({ ...base, pauses, now: jst(now) })
    expect(c).toMatchObject({ dueAt, state, elapsedMinutes: elapsed, remainingMinutes: 240 - elapsed, status })
  })

  it('pauses across nights and mornings', () => {
    // 8 h from Tue 09:00; waiting 17:00 → Wed 10:00 takes out 17–18 and 09–10.
    const c = clock({ targetMinutes: 480, startedAt: jst('2026-11-24 09:00'), pauses: [pause('2026-11-24 17:00', '2026-11-25 10:00')], now: jst('2026-11-25 10:30') })
    expect(c).toMatchObject({ dueAt: iso('2026-11-25 11:00'), elapsedMinutes: 450, state: 'warning', status: 'running' })
  })

  it('stays breached when the ticket is paused after its due time', () => {
    const c = clock({ targetMinutes: 60, startedAt: jst('2026-11-24 10:00'), pauses: [pause('2026-11-24 12:00', null)], now: jst('2026-11-24 15:00') })
    expect(c).toMatchObject({ dueAt: iso('2026-11-24 11:00'), state: 'breached', status: 'paused', elapsedMinutes: 120, remainingMinutes: -60 })
  })
})

describe('SLA clock: stopping and warnings', () => {
  it('a clock stopped in time stays met however late it is now', () => {
    const c = clock({ ...base, stoppedAt: jst('2026-11-24 14:30'), now: jst('2026-12-01 10:00') })
    expect(c).toMatchObject({ state: 'warning', status: 'stopped', elapsedMinutes: 210, remainingMinutes: 30 })
  })

  it('a reply at the due minute is in time; one after is a breach', () => {
    expect(clock({ ...base, stoppedAt: jst('2026-11-24 15:00'), now: jst('2026-11-25 10:00') }).state).not.toBe('breached')
    expect(clock({ ...base, stoppedAt: jst('2026-11-24 15:01'), now: jst('2026-11-25 10:00') }).state).toBe('breached')
  })

  it('warns a fixed number of minutes before the due time, or at a share of the target', () => {
    expect(clock({ ...base, warning: { minutesBefore: 30 }, now: jst('2026-11-24 14:20') })).toMatchObject({ warningAt: iso('2026-11-24 14:30'), state: 'ok' })
    expect(clock({ ...base, warning: { minutesBefore: 30 }, now: jst('2026-11-24 14:30') }).state).toBe('warning')
    // 50 % of 240 = 120 business minutes: 10:00–12:00, so the lunch break starts in warning.
    expect(clock({ ...base, warning: { percentElapsed: 50 }, now: jst('2026-11-24 12:00') })).toMatchObject({ warningAt: iso('2026-11-24 12:00'), state: 'warning' })
  })

  it('a zero target is due at once', () => {
    expect(clock({ targetMinutes: 0, startedAt: jst('2026-11-24 10:00'), now: jst('2026-11-24 10:00') })).toMatchObject({ dueAt: iso('2026-11-24 10:00'), state: 'warning' })
    expect(() => computeSlaClock({ calendar: tokyo, targetMinutes: -5, startedAt: jst('2026-11-24 10:00'), now: jst('2026-11-24 10:00') })).toThrow(RangeError)
  })
})
