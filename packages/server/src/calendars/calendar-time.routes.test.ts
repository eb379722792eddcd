import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { TOKYO_DESK, createCalendar } from './calendar-test-helpers.ts'

const URL = '/api/v1/business-calendars'

describe.each(testDialects())('business calendar time helpers on %s', (dialect) => {
  it("lists a year's closed days with names and kinds: holidays, 年末年始, company days; open days left out", async () => {
    const { app, account } = await startTestApp(dialect)
    const { calendar } = await createCalendar(app, account.supervisor, {
      ...TOKYO_DESK,
      closures: [...TOKYO_DESK.closures, { from: '2026-08-13', to: '2026-08-14', name: { ja: '夏季休業' } }, { from: '2026-10-01', to: '2026-10-01' }],
      openDays: [{ date: '2026-07-20', name: { ja: '海の日営業' } }],
    })
    const res = await app.inject({ url: `${URL}/${calendar.id}/holidays?year=2026`, headers: account.agent.headers })
    expect(res.statusCode).toBe(200)
    const { calendarId, year, days } = res.json()
    expect([calendarId, year]).toEqual([calendar.id, 2026])
    const rows = days.map((d: { date: string; kind: string; name: { ja: string; en: string } }) => `${d.date} ${d.kind} ${d.name.ja} / ${d.name.en}`)
    expect(rows).toEqual([
      "2026-01-01 national 元日 / New Year's Day",
      '2026-01-02 closure 年末年始 / Year-end holidays',
      '2026-01-03 closure 年末年始 / Year-end holidays',
      '2026-01-12 national 成人の日 / Coming of Age Day',
      '2026-02-11 national 建国記念の日 / National Foundation Day',
      "2026-02-23 national 天皇誕生日 / The Emperor's Birthday",
      '2026-03-20 national 春分の日 / Vernal Equinox Day',
      '2026-04-29 national 昭和の日 / Showa Day',
      '2026-05-03 national 憲法記念日 / Constitution Memorial Day',
      '2026-05-04 national みどりの日 / Greenery Day',
      "2026-05-05 national こどもの日 / Children's Day",
      '2026-05-06 substitute 振替休日 / Substitute Holiday',
      // 7/20 海の日 is an open day of this calendar: not closed.
      '2026-08-11 national 山の日 / Mountain Day',
      '2026-08-13 closure 夏季休業 / 夏季休業',
      '2026-08-14 closure 夏季休業 / 夏季休業',
      '2026-09-21 national 敬老の日 / Respect for the Aged Day',
      "2026-09-22 citizens 国民の休日 / Citizens' Holiday",
      '2026-09-23 national 秋分の日 / Autumnal Equinox Day',
      '2026-10-01 closure 休業日 / Closed',
      '2026-10-12 national スポーツの日 / Sports Day',
      '2026-11-03 national 文化の日 / Culture Day',
      '2026-11-23 national 勤労感謝の日 / Labor Thanksgiving Day',
      '2026-12-29 closure 年末年始 / Year-end holidays',
      '2026-12-30 closure 年末年始 / Year-end holidays',
      '2026-12-31 closure 年末年始 / Year-end holidays',
    ])
  })

  it('lists no national holidays for a calendar that works through them', async () => {
    const { app, account } = await startTestApp(dialect)
    const { calendar } = await createCalendar(app, account.supervisor, { ...TOKYO_DESK, useNationalHolidays: false, closures: [] })
    const res = await app.inject({ url: `${URL}/${calendar.id}/holidays?year=2027`, headers: account.agent.headers })
    expect(res.json().days).toEqual([])
  })

  it.each(['', '?year=1947', '?year=20x6', '?year=2026&month=1'])('rejects holidays%s', async (query) => {
    const { app, account } = await startTestApp(dialect)
    const { calendar } = await createCalendar(app, account.supervisor)
    const res = await app.inject({ url: `${URL}/${calendar.id}/holidays${query}`, headers: account.agent.headers })
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'request.validation_failed'])
  })

  it.each([
    ['Friday morning: open until lunch', '2026-11-27T10:00:00+09:00', { open: true, closesAt: '2026-11-27T03:00:00.000Z', nextOpeningAt: '2026-11-27T01:00:00.000Z' }],
    ['Friday evening: opens Monday', '2026-11-27T18:30:00+09:00', { open: false, closesAt: null, nextOpeningAt: '2026-11-30T00:00:00.000Z' }],
    ['an unencoded + arrives as a space and still parses', '2026-12-28T18:00:00 09:00', { open: false, closesAt: null, nextOpeningAt: '2027-01-04T00:00:00.000Z' }],
    ['UTC instants work too', '2026-11-23T02:00:00Z', { open: false, closesAt: null, nextOpeningAt: '2026-11-24T00:00:00.000Z' }],
  ])('tells whether the calendar is open: %s', async (_label, at, expected) => {
    const { app, account } = await startTestApp(dialect)
    const { calendar } = await createCalendar(app, account.supervisor)
    const res = await app.inject({ url: `${URL}/${calendar.id}/open?at=${at}`, headers: account.agent.headers })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ at: new Date(at.replace(' ', '+')).toISOString(), ...expected })
  })

  it('adds business minutes across a weekend, a holiday and 年末年始', async () => {
    const { app, account } = await startTestApp(dialect)
    const { calendar } = await createCalendar(app, account.supervisor)
    const add = async (start: string, minutes: number) =>
      (await app.inject({ url: `${URL}/${calendar.id}/add?start=${encodeURIComponent(start)}&minutes=${minutes}`, headers: account.agent.headers })).json()
    expect(await add('2026-11-20T17:30:00+09:00', 60)).toEqual({ start: '2026-11-20T08:30:00.000Z', minutes: 60, end: '2026-11-24T00:30:00.000Z' })
    expect((await add('2026-12-28T17:00:00+09:00', 90)).end).toBe('2027-01-04T00:30:00.000Z')
    expect((await add('2026-11-24T09:00:00+09:00', 480)).end).toBe('2026-11-24T09:00:00.000Z')
  })

  it('defaults to now and validates its query', async () => {
    const { app, account } = await startTestApp(dialect)
    const { calendar } = await createCalendar(app, account.supervisor)
    const before = Date.now()
    const now = (await app.inject({ url: `${URL}/${calendar.id}/open`, headers: account.agent.headers })).json()
    expect(Date.parse(now.at)).toBeGreaterThanOrEqual(before - 1000)
    expect(typeof now.open).toBe('boolean')
    for (const query of ['minutes=-1', 'minutes=abc', 'start=yesterday&minutes=5', 'start=2026-11-27T10:00:00&minutes=5', '']) {
      const res = await app.inject({ url: `${URL}/${calendar.id}/add?${query}`, headers: account.agent.headers })
      expect([query, res.statusCode]).toEqual([query, 422])
    }
    const missing = await app.inject({ url: `${URL}/0190a000-0000-7000-8000-000000000000/open`, headers: account.agent.headers })
    expect(missing.statusCode).toBe(404)
  })
})
