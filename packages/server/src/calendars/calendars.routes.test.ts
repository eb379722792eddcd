import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { TOKYO_DESK, createCalendar } from './calendar-test-helpers.ts'

const URL = '/api/v1/business-calendars'

describe.each(testDialects())('business calendars API on %s', (dialect) => {
  it('creates a calendar with defaults filled in; the first one is the default; audited', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const { res, calendar } = await createCalendar(app, account.supervisor)
    expect(res.statusCode).toBe(201)
    expect(calendar).toMatchObject({
      name: '東京サポート', timeZone: 'Asia/Tokyo', useNationalHolidays: true, isDefault: true,
      weeklyHours: { sun: [], sat: [], mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }] },
      closures: [{ from: '12-29', to: '01-03', name: { ja: '年末年始', en: 'Year-end holidays' } }],
      openDays: [],
    })
    const fetched = await app.inject({ url: `${URL}/${calendar.id}`, headers: account.agent.headers })
    expect(fetched.json()).toEqual(calendar)

    const second = await createCalendar(app, account.admin, { name: 'NY desk', timeZone: 'America/New_York', weeklyHours: { mon: [{ start: '09:00', end: '17:00' }] }, useNationalHolidays: false })
    expect(second.res.statusCode).toBe(201)
    expect(second.calendar.isDefault).toBe(false)

    const audit = await deps.db.selectFrom('audit_log').select(['action', 'actor_id', 'target_id']).orderBy('id').execute()
    expect(audit).toEqual([
      { action: 'business_calendar.created', actor_id: account.supervisor.id, target_id: calendar.id },
      { action: 'business_calendar.created', actor_id: account.admin.id, target_id: second.calendar.id },
    ])
  })

  it('lets staff read and only supervisors and admins write', async () => {
    const { app, account } = await startTestApp(dialect)
    expect((await createCalendar(app, account.agent)).res.statusCode).toBe(403)
    expect((await createCalendar(app, account.partner)).res.statusCode).toBe(403)
    const { calendar } = await createCalendar(app, account.supervisor)
    expect((await app.inject({ url: URL, headers: account.agent.headers })).statusCode).toBe(200)
    expect((await app.inject({ url: URL, headers: account.partner.headers })).statusCode).toBe(403)
    expect((await app.inject({ url: `${URL}/${calendar.id}/holidays?year=2026`, headers: account.partner.headers })).statusCode).toBe(403)
    expect((await app.inject({ url: URL })).statusCode).toBe(401)
    const patch = await app.inject({ method: 'PATCH', url: `${URL}/${calendar.id}`, headers: account.agent.headers, payload: { name: 'x' } })
    expect(patch.statusCode).toBe(403)
  })

  it('keeps one default per account and lists it first', async () => {
    const { app, account } = await startTestApp(dialect)
    const first = (await createCalendar(app, account.supervisor)).calendar
    const second = (await createCalendar(app, account.supervisor, { ...TOKYO_DESK, name: '大阪サポート', isDefault: true })).calendar
    expect(second.isDefault).toBe(true)
    const list = (await app.inject({ url: URL, headers: account.agent.headers })).json().items
    expect(list.map((c: { name: string; isDefault: boolean }) => [c.name, c.isDefault])).toEqual([['大阪サポート', true], ['東京サポート', false]])

    const back = await app.inject({ method: 'PATCH', url: `${URL}/${first.id}`, headers: account.admin.headers, payload: { isDefault: true } })
    expect(back.json().isDefault).toBe(true)
    const after = (await app.inject({ url: URL, headers: account.agent.headers })).json().items
    expect(after.map((c: { id: string; isDefault: boolean }) => [c.id, c.isDefault])).toEqual([[first.id, true], [second.id, false]])
  })

  it('changes fields by PATCH, rejects a taken name, and audits before → after', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const { calendar } = await createCalendar(app, account.supervisor)
    await createCalendar(app, account.supervisor, { ...TOKYO_DESK, name: '大阪サポート' })
    const patch = (payload: object) => app.inject({ method: 'PATCH', url: `${URL}/${calendar.id}`, headers: account.supervisor.headers, payload })

    const closures = [{ from: '2026-08-13', to: '2026-08-14', name: { ja: '夏季休業' } }]
    const changed = await patch({ closures, useNationalHolidays: false })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ closures, useNationalHolidays: false, name: '東京サポート' })
    expect((await patch({ name: '大阪サポート' })).json().error.code).toBe('calendar.name_taken')
    expect((await patch({ name: '東京サポート' })).statusCode).toBe(200) // unchanged: not a clash with itself
    expect((await app.inject({ method: 'PATCH', url: `${URL}/0190a000-0000-7000-8000-000000000000`, headers: account.admin.headers, payload: { name: 'x' } })).statusCode).toBe(404)

    const updates = await deps.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'business_calendar.updated').execute()
    expect(updates).toHaveLength(1)
    expect(JSON.parse(updates[0]!.details).changes).toEqual({
      closures: { from: TOKYO_DESK.closures, to: closures },
      useNationalHolidays: { from: true, to: false },
    })
  })

  it.each([
    ['a duplicate name', (n: string) => ({ ...TOKYO_DESK, name: n }), 409, 'calendar.name_taken'],
    ['an unknown time zone', () => ({ ...TOKYO_DESK, name: 'x', timeZone: 'Asia/Atlantis' }), 422, 'request.validation_failed'],
    ['an abbreviation for a zone', () => ({ ...TOKYO_DESK, name: 'x', timeZone: 'JST' }), 422, 'request.validation_failed'],
    ['an interval ending before it starts', () => ({ ...TOKYO_DESK, name: 'x', weeklyHours: { mon: [{ start: '18:00', end: '09:00' }] } }), 422, 'request.validation_failed'],
    ['overlapping intervals', () => ({ ...TOKYO_DESK, name: 'x', weeklyHours: { mon: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '18:00' }] } }), 422, 'request.validation_failed'],
    ['25:00', () => ({ ...TOKYO_DESK, name: 'x', weeklyHours: { mon: [{ start: '09:00', end: '25:00' }] } }), 422, 'request.validation_failed'],
    ['an unknown weekday', () => ({ ...TOKYO_DESK, name: 'x', weeklyHours: { monday: [] } }), 422, 'request.validation_failed'],
    ['no hours at all', () => ({ ...TOKYO_DESK, name: 'x', weeklyHours: {} }), 422, 'request.validation_failed'],
    ['February 30', () => ({ ...TOKYO_DESK, name: 'x', closures: [{ from: '2026-02-30', to: '2026-03-01' }] }), 422, 'request.validation_failed'],
    ['a closure mixing forms', () => ({ ...TOKYO_DESK, name: 'x', closures: [{ from: '12-29', to: '2027-01-03' }] }), 422, 'request.validation_failed'],
    ['a closure ending before it starts', () => ({ ...TOKYO_DESK, name: 'x', closures: [{ from: '2026-08-14', to: '2026-08-13' }] }), 422, 'request.validation_failed'],
    ['an open Sunday without hours', () => ({ ...TOKYO_DESK, name: 'x', openDays: [{ date: '2026-11-29' }] }), 422, 'request.validation_failed'],
    ['an unknown field', () => ({ ...TOKYO_DESK, name: 'x', holidays: 'jp' }), 422, 'request.validation_failed'],
  ])('refuses %s', async (_label, body, status, code) => {
    const { app, account } = await startTestApp(dialect)
    await createCalendar(app, account.supervisor)
    const { res } = await createCalendar(app, account.supervisor, body('東京サポート'))
    expect([res.statusCode, res.json().error.code]).toEqual([status, code])
  })

  it('keeps accounts apart', async () => {
    const { app, account } = await startTestApp(dialect)
    const { calendar } = await createCalendar(app, account.supervisor)
    const other = await startTestApp(dialect)
    const res = await other.app.inject({ url: `${URL}/${calendar.id}`, headers: other.account.admin.headers })
    expect(res.statusCode).toBe(404)
    expect((await app.inject({ url: `${URL}/not-an-id`, headers: account.agent.headers })).json().error.code).toBe('calendar.not_found')
  })
})
