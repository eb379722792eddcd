import { describe, expect, it } from 'vitest'
import { createCalendar } from '../calendars/calendar-test-helpers.ts'
import { appendInboundMessage } from '../tickets/append-inbound-message.ts'
import { createTicketVia } from '../tickets/ticket-test-helpers.ts'
import { testDialects } from '../test/dialects.ts'
import { checkSlaClocks } from './sla-check.job.ts'
import { createPolicy, startClockedApp, ticketSla } from './sla-test-helpers.ts'

const HOUR = 3600_000
const DAY = 24 * HOUR

describe.each(testDialects())('SLA clocks on tickets on %s', (dialect) => {
  it('starts clocks from the matching policy on business hours, across a weekend', async () => {
    // Friday 18:00 JST: the Tokyo desk (09–12, 13–18 weekdays) is closed until Monday 09:00.
    const { app, account } = await startClockedApp(dialect)
    await createCalendar(app, account.supervisor)
    await createPolicy(app, account.supervisor, { name: 'Urgent', conditions: { priorities: ['urgent'] }, firstResponseMinutes: 30, position: 0 })
    const normal = await createPolicy(app, account.supervisor, { name: 'Standard', firstResponseMinutes: 60, resolutionMinutes: 480, position: 1 })

    const ticket = await createTicketVia(app, account.agent.headers)
    const sla = await ticketSla(app, account.agent, ticket.id)
    expect(sla.policyId).toBe(normal.id)
    expect(sla.clock('first_response')).toMatchObject({ state: 'ok', paused: false, dueAt: '2026-11-30T01:00:00.000Z', dueInMinutes: 60 })
    // 480 business minutes from Monday 09:00 with a lunch hour: 18:00 Monday (JST).
    expect(sla.clock('resolution')?.dueAt).toBe('2026-11-30T09:00:00.000Z')
    expect(sla.dueAt).toBe('2026-11-30T01:00:00.000Z')

    // Raising the priority re-targets the running clocks under the urgent policy.
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, headers: account.agent.headers, payload: { priority: 'urgent' } })
    expect(patch.statusCode).toBe(200)
    const urgent = await ticketSla(app, account.agent, ticket.id)
    expect(urgent.clock('first_response')).toMatchObject({ targetMinutes: 30, dueAt: '2026-11-30T00:30:00.000Z' })
    expect(urgent.clock('resolution')).toBeUndefined()
  })

  it('pauses while pending, resumes with the paused time left out, and stops on reply and solve', async () => {
    const { app, deps, account, clock } = await startClockedApp(dialect, '2026-11-30T00:00:00.000Z') // Monday 09:00 JST
    await createCalendar(app, account.supervisor)
    await createPolicy(app, account.supervisor, { name: 'Standard', firstResponseMinutes: 120, nextResponseMinutes: 60, resolutionMinutes: 600 })
    const ticket = await createTicketVia(app, account.agent.headers)
    expect((await ticketSla(app, account.agent, ticket.id)).clock('first_response')?.dueAt).toBe('2026-11-30T02:00:00.000Z')

    clock.advance(HOUR) // 10:00 JST: one business hour used
    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, headers: account.agent.headers, payload: { status: 'pending' } })
    const paused = await ticketSla(app, account.agent, ticket.id)
    expect(paused.paused).toBe(true)
    expect(paused.clock('first_response')).toMatchObject({ paused: true, dueAt: null, dueInMinutes: 60 })

    clock.advance(DAY) // Tuesday 10:00 JST: waiting on the customer does not count
    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, headers: account.agent.headers, payload: { status: 'open' } })
    const resumed = await ticketSla(app, account.agent, ticket.id)
    expect(resumed.clock('first_response')).toMatchObject({ paused: false, dueAt: '2026-12-01T02:00:00.000Z', dueInMinutes: 60 })

    clock.advance(30 * 60_000)
    const reply = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, headers: account.agent.headers, payload: { kind: 'reply', body: 'お調べします。' } })
    expect(reply.statusCode).toBe(201)
    const answered = await ticketSla(app, account.agent, ticket.id)
    expect(answered.clock('first_response')).toMatchObject({ state: 'achieved', achievedAt: '2026-12-01T01:30:00.000Z', dueAt: null })
    expect(answered.clock('next_response')).toBeUndefined()

    // The customer writes again: a next-response clock starts; the next reply stops it.
    clock.advance(10 * 60_000)
    await appendInboundMessage(deps, { accountId: account.accountId, ticketId: ticket.id, channel: 'email', bodyText: 'まだですか？', authorCustomerId: ticket.customer.id })
    const waiting = await ticketSla(app, account.agent, ticket.id)
    expect(waiting.clock('next_response')).toMatchObject({ state: 'ok', dueAt: '2026-12-01T02:40:00.000Z' })

    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, headers: account.agent.headers, payload: { status: 'solved' } })
    const solved = await ticketSla(app, account.agent, ticket.id)
    expect(solved.clocks.every((c) => c.state === 'achieved')).toBe(true)
    expect(solved.state).toBe('achieved')
  })

  it('records warnings and breaches once, as events and realtime updates, and lists what breaches next', async () => {
    const { app, deps, account, clock } = await startClockedApp(dialect, '2026-11-30T00:00:00.000Z')
    await createPolicy(app, account.supervisor, { name: 'Round the clock', firstResponseMinutes: 100, warningPercent: 50 })
    const mine = await createTicketVia(app, account.agent.headers, { teamId: account.teamId })
    clock.advance(10 * 60_000)
    const partners = await createTicketVia(app, account.agent.headers, { teamId: account.partnerTeamId })
    const seen: string[] = []
    deps.realtime.subscribe((_, e) => { if (e.type === 'ticket.updated') seen.push(`${e.ticketId}:${e.fields.join()}`) })

    const next = await app.inject({ url: '/api/v1/sla/breaching-next?limit=5', headers: account.agent.headers })
    expect(next.json().items.map((i: { ticketId: string }) => i.ticketId)).toEqual([mine.id, partners.id])
    const partnerView = await app.inject({ url: '/api/v1/sla/breaching-next', headers: account.partner.headers })
    expect(partnerView.json().items.map((i: { ticketId: string }) => i.ticketId)).toEqual([partners.id])

    clock.advance(45 * 60_000) // 55 min after the first ticket: past its warning (50 min) only
    expect(await checkSlaClocks(deps)).toEqual({ warnings: 1, breaches: 0 })
    expect(await checkSlaClocks(deps)).toEqual({ warnings: 0, breaches: 0 })
    clock.advance(60 * 60_000)
    // A clock found already overdue is breached without a separate warning.
    expect(await checkSlaClocks(deps)).toEqual({ warnings: 0, breaches: 2 })
    expect(seen.filter((s) => s.startsWith(mine.id))).toEqual([`${mine.id}:sla`, `${mine.id}:sla`])

    const events = await app.inject({ url: `/api/v1/tickets/${mine.id}/events`, headers: account.agent.headers })
    const types = (events.json().items as { type: string }[]).map((e) => e.type)
    expect(types.filter((t) => t.startsWith('sla.'))).toEqual(['sla.warning', 'sla.breached'])
    const sla = await ticketSla(app, account.agent, mine.id)
    expect(sla.clock('first_response')).toMatchObject({ state: 'breached', dueInMinutes: -15 })
    const list = await app.inject({ url: '/api/v1/tickets', headers: account.agent.headers })
    const row = (list.json().items as { id: string; slaState: string; slaDueAt: string }[]).find((t) => t.id === mine.id)
    expect(row).toMatchObject({ slaState: 'breached', slaDueAt: '2026-11-30T01:40:00.000Z' })
    const overdue = await app.inject({ url: '/api/v1/sla/breaching-next', headers: account.agent.headers })
    expect(overdue.json().items[0]).toMatchObject({ ticketId: mine.id, state: 'breached', metric: 'first_response' })
  })

  it('re-targets open tickets when their customer becomes VIP', async () => {
    const { app, account } = await startClockedApp(dialect, '2026-11-30T00:00:00.000Z')
    const vip = await createPolicy(app, account.supervisor, { name: 'VIP', conditions: { vip: true }, firstResponseMinutes: 15, position: 0 })
    await createPolicy(app, account.supervisor, { name: 'Standard', firstResponseMinutes: 60, position: 1 })
    const ticket = await createTicketVia(app, account.agent.headers)
    expect((await ticketSla(app, account.agent, ticket.id)).clock('first_response')?.targetMinutes).toBe(60)
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/customers/${ticket.customer.id}`, headers: account.agent.headers, payload: { isVip: true, vipReason: '年間契約' } })
    expect(patch.statusCode, patch.body).toBe(200)
    const after = await ticketSla(app, account.agent, ticket.id)
    expect(after.policyId).toBe(vip.id)
    expect(after.clock('first_response')).toMatchObject({ targetMinutes: 15, dueAt: '2026-11-30T00:15:00.000Z' })
  })

  it('lets supervisors manage policies and nobody else', async () => {
    const { app, account } = await startClockedApp(dialect)
    const body = { name: 'VIP', conditions: { vip: true }, firstResponseMinutes: 15 }
    expect((await app.inject({ method: 'POST', url: '/api/v1/sla-policies', headers: account.agent.headers, payload: body })).statusCode).toBe(403)
    const policy = await createPolicy(app, account.supervisor, body)
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/sla-policies/${policy.id}`, headers: account.admin.headers, payload: { firstResponseMinutes: 20, active: false } })
    expect(patched.json()).toMatchObject({ firstResponseMinutes: 20, active: false, conditions: { vip: true } })
    expect((await app.inject({ method: 'POST', url: '/api/v1/sla-policies', headers: account.supervisor.headers, payload: { ...body, bogus: 1 } })).statusCode).toBe(422)
    expect((await app.inject({ method: 'POST', url: '/api/v1/sla-policies', headers: account.supervisor.headers, payload: { ...body, calendarId: '0190a0a0-0000-7000-8000-000000000000' } })).statusCode).toBe(404)
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/sla-policies/${policy.id}`, headers: account.supervisor.headers })).statusCode).toBe(204)
    expect((await app.inject({ url: `/api/v1/sla-policies/${policy.id}`, headers: account.supervisor.headers })).statusCode).toBe(404)
  })
})
