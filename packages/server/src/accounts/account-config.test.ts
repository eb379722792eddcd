import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../app.ts'
import { createDb } from '../db/create-db.ts'
import { createTransact } from '../db/transact.ts'
import { testDialects } from '../test/dialects.ts'
import { countingDeps } from '../test/statement-counter.ts'
import { startTestApp } from '../test/test-app.ts'

const urgentRule = {
  name: '至急タグ', kind: 'trigger', event: 'ticket.created',
  conditions: [{ type: 'text_contains', value: '至急' }], actions: [{ type: 'add_tags', tags: ['至急'] }],
}

describe.each(testDialects())('cached account configuration on %s', (dialect) => {
  it('reads SLA policies, triggers and calendars once per configuration version, and sees every change at once', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const admin = account.admin.headers
    const calendar = (await app.inject({ method: 'POST', url: '/api/v1/business-calendars', headers: admin, payload: { name: '24時間', weeklyHours: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])) } })).json()
    const policy = (await app.inject({ method: 'POST', url: '/api/v1/sla-policies', headers: admin, payload: { name: '標準', calendarId: calendar.id, firstResponseMinutes: 60 } })).json()
    const rule = (await app.inject({ method: 'POST', url: '/api/v1/automation/rules', headers: admin, payload: urgentRule })).json()
    const customer = (await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: admin, payload: { subject: '最初', channel: 'phone', customer: { email: 'c@example.jp', name: '客' }, message: { body: 'x' } } })).json().customer
    // On PostgreSQL the account's first ticket makes its number sequence and the next one finds it
    // (once per process, tickets/ticket-number-sequence.ts): not part of the counts below.
    await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: admin, payload: { subject: '二番目', channel: 'phone', customer: { id: customer.id }, message: { body: 'x' } } })

    const counting = countingDeps(deps)
    const counter = counting.counter
    const counted = await buildApp(counting.deps)
    onTestFinished(() => counted.close())
    const create = async (subject: string) => {
      counter.count = 0
      const res = await counted.inject({ method: 'POST', url: '/api/v1/tickets', headers: admin, payload: { subject, channel: 'phone', customer: { id: customer.id }, message: { body: 'x' } } })
      expect(res.statusCode, res.body).toBe(201)

      return { ticket: res.json(), statements: counter.count }
    }
    const first = await create('至急 一件目')
    const second = await create('至急 二件目')
    // The policy list, the triggers of ticket.created and the calendar come from the cache the second time.
    expect(second.statements).toBe(first.statements - 3)
    expect(second.ticket.tags).toEqual(['至急'])
    const sla = (await app.inject({ url: `/api/v1/tickets/${second.ticket.id}/sla`, headers: admin })).json()
    expect(JSON.stringify(sla)).toContain('"targetMinutes":60')

    // Changes through the API are seen by the very next ticket.
    await app.inject({ method: 'PATCH', url: `/api/v1/sla-policies/${policy.id}`, headers: admin, payload: { firstResponseMinutes: 30 } })
    await app.inject({ method: 'PATCH', url: `/api/v1/automation/rules/${rule.id}`, headers: admin, payload: { active: false } })
    const third = await create('至急 三件目')
    expect(third.ticket.tags).toEqual([])
    expect(JSON.stringify((await app.inject({ url: `/api/v1/tickets/${third.ticket.id}/sla`, headers: admin })).json())).toContain('"targetMinutes":30')
  })

  it('sees a change made on another app node sharing the database', async () => {
    const { app: nodeA, deps, account } = await startTestApp(dialect)
    const otherDb = createDb(deps.config.database)
    const nodeB = await buildApp({ ...deps, db: otherDb, transact: createTransact(otherDb, dialect) })
    onTestFinished(async () => {
      await nodeB.close()
      await otherDb.destroy()
    })
    const admin = account.admin.headers
    const createOn = async (node: typeof nodeA, subject: string) =>
      (await node.inject({ method: 'POST', url: '/api/v1/tickets', headers: admin, payload: { subject, channel: 'phone', customer: { email: 'b@example.jp', name: '客' }, message: { body: 'x' } } })).json()

    expect((await createOn(nodeB, '至急 その一')).tags).toEqual([]) // node B caches "no triggers"
    expect((await nodeA.inject({ method: 'POST', url: '/api/v1/automation/rules', headers: admin, payload: urgentRule })).statusCode).toBe(201)
    expect((await createOn(nodeB, '至急 その二')).tags).toEqual(['至急'])
  })
})
