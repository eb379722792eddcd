import { describe, expect, it } from 'vitest'
import { durationParts, minutesUntil } from './duration.ts'
import { slaStatus } from './sla-status.ts'

const NOW = Date.parse('2026-11-30T01:00:00.000Z')
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString()

describe('durationParts', () => {
  it.each([
    [0, { key: 'm', m: 0 }], [35, { key: 'm', m: 35 }], [60, { key: 'h', h: 1, m: 0 }], [130, { key: 'hm', h: 2, m: 10 }],
    [1440 + 125, { key: 'dh', d: 1, h: 2 }], [-5, { key: 'm', m: 0 }],
  ])('%d minutes', (minutes, want) => {
    expect(durationParts(minutes)).toMatchObject(want)
  })

  it('never shows 0 minutes left before the due time', () => {
    expect(minutesUntil(new Date(NOW + 10_000).toISOString(), NOW)).toBe(1)
    expect(minutesUntil(new Date(NOW - 10_000).toISOString(), NOW)).toBe(0)
    expect(minutesUntil(at(-35), NOW)).toBe(-35)
  })
})

describe('slaStatus', () => {
  it('is absent without clocks', () => {
    expect(slaStatus({ state: null, metric: null, dueAt: null }, NOW)).toBeNull()
  })

  it('counts down to the due time and then overdue, even before the breach job ran', () => {
    expect(slaStatus({ state: 'ok', metric: 'first_response', dueAt: at(130) }, NOW)).toEqual({ state: 'ok', metric: 'first_response', timing: { kind: 'due', minutes: 130 } })
    expect(slaStatus({ state: 'warning', metric: 'resolution', dueAt: at(20) }, NOW)?.state).toBe('warning')
    expect(slaStatus({ state: 'ok', metric: 'first_response', dueAt: at(-35) }, NOW)).toEqual({ state: 'breached', metric: 'first_response', timing: { kind: 'overdue', minutes: 35 } })
  })

  it('shows a paused clock as waiting on the customer, unless it had breached', () => {
    expect(slaStatus({ state: 'ok', metric: 'resolution', dueAt: null, paused: true, pausedMinutesLeft: 90 }, NOW)).toEqual({ state: 'paused', metric: 'resolution', timing: { kind: 'waiting', minutesLeft: 90 } })
    expect(slaStatus({ state: 'breached', metric: 'resolution', dueAt: null, paused: true }, NOW)?.state).toBe('breached')
  })

  it('says met when every clock stopped in time', () => {
    expect(slaStatus({ state: 'achieved', metric: null, dueAt: null }, NOW)).toEqual({ state: 'achieved', metric: null, timing: { kind: 'met' } })
  })
})
