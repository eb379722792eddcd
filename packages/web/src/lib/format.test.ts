import { describe, expect, it } from 'vitest'
import { daysUntilAnniversary, formatDateTime, formatShort } from './format.ts'

describe('dates in the agent’s time zone', () => {
  const instant = '2026-11-27T16:30:00.000Z' // 01:30 on the 28th in Tokyo, 11:30 on the 27th in New York

  it('formats the same instant by the agent’s zone, not the browser’s', () => {
    expect(formatDateTime(instant, 'ja', 'Asia/Tokyo')).toBe('2026年11月28日 01:30')
    expect(formatDateTime(instant, 'en', 'America/New_York')).toBe('Nov 27, 2026, 11:30 AM')
  })

  it('shows the time for today and the date otherwise, "today" being the agent’s', () => {
    const now = new Date('2026-11-28T06:00:00.000Z') // the 28th in both zones
    expect(formatShort(instant, 'ja', 'Asia/Tokyo', now)).toBe('01:30')
    expect(formatShort(instant, 'en', 'America/New_York', now)).toBe('Nov 27')
  })

  it('falls back to UTC, labelled, for an unknown zone instead of failing', () => {
    expect(formatDateTime(instant, 'en', 'Mars/Olympus')).toMatch(/UTC/)
  })
})

describe('daysUntilAnniversary', () => {
  const now = new Date('2026-11-27T16:30:00.000Z') // already Nov 28 in Tokyo

  it.each([
    ['1985-11-28', 'Asia/Tokyo', 0],
    ['1985-11-28', 'UTC', 1],
    ['1985-12-05', 'Asia/Tokyo', 7],
    ['1985-11-27', 'Asia/Tokyo', 364],
    ['2000-02-29', 'Asia/Tokyo', 93], // 2027 has no Feb 29: celebrated on Mar 1
  ])('%s in %s → %i days', (date, zone, days) => {
    expect(daysUntilAnniversary(date, zone, now)).toBe(days)
  })

  it('is null for missing or unreadable dates', () => {
    expect(daysUntilAnniversary(null, 'UTC', now)).toBeNull()
    expect(daysUntilAnniversary('soon', 'UTC', now)).toBeNull()
  })
})
