import { describe, expect, it } from 'vitest'
import { createTicketVia } from '../tickets/ticket-test-helpers.ts'
import { startTestApp } from '../test/test-app.ts'
import { testDialects } from '../test/dialects.ts'
import { addMember, addTeam, setRouting } from './routing-test-helpers.ts'

const english = { subject: 'Order has not arrived', message: { body: 'I ordered last week and nothing came.' } }

describe.each(testDialects())('routing on %s', (dialect) => {
  it('round robin spreads new tickets evenly over the online agents, skipping away and offline ones', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const team = await addTeam(deps, account.accountId, 'Round robin')
    const online = [await addMember(deps, account.accountId, team), await addMember(deps, account.accountId, team), await addMember(deps, account.accountId, team)]
    await addMember(deps, account.accountId, team, { presence: 'away' })
    await addMember(deps, account.accountId, team, { presence: 'offline' })
    await setRouting(app, account.supervisor, team, { mode: 'round_robin', autoAssign: true })

    const counts = new Map<string, number>()
    for (let i = 0; i < 12; i++) {
      const t = await createTicketVia(app, account.agent.headers, { teamId: team })
      counts.set(t.assigneeId!, (counts.get(t.assigneeId!) ?? 0) + 1)
    }
    expect([...counts.keys()].sort()).toEqual(online.map((a) => a.id).sort())
    expect([...counts.values()]).toEqual([4, 4, 4])
  })

  it('least busy picks the least loaded agent and respects capacity per channel', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const team = await addTeam(deps, account.accountId, 'Least busy')
    const [a, b] = [await addMember(deps, account.accountId, team, { capacity: 2 }), await addMember(deps, account.accountId, team, { capacity: 2 })]
    // a already has two phone tickets (full on phone), b one.
    for (const who of [a, a, b]) await createTicketVia(app, account.agent.headers, { teamId: team, assigneeId: who.id })
    await setRouting(app, account.supervisor, team, { mode: 'least_busy', autoAssign: true })

    expect((await createTicketVia(app, account.agent.headers, { teamId: team })).assigneeId).toBe(b.id)
    // Both full on phone now: the ticket waits unassigned…
    const waiting = await createTicketVia(app, account.agent.headers, { teamId: team })
    expect(waiting.assigneeId).toBeNull()
    // …but capacity is per channel: an email ticket still finds someone.
    expect((await createTicketVia(app, account.agent.headers, { teamId: team, channel: 'email' })).assigneeId).not.toBeNull()
    const route = await app.inject({ method: 'POST', url: `/api/v1/tickets/${waiting.id}/route`, headers: account.agent.headers })
    expect(route.json()).toMatchObject({ reason: 'no_agent_available', assigneeId: null })
    // Manual assignment is always possible, capacity or not.
    const manual = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${waiting.id}`, headers: account.agent.headers, payload: { assigneeId: a.id } })
    expect(manual.json().assigneeId).toBe(a.id)
  })

  it('sends a Japanese ticket to a Japanese-speaking agent, by customer language or by the text', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const team = await addTeam(deps, account.accountId, 'Languages')
    const en = await addMember(deps, account.accountId, team, { languages: ['en'] })
    const ja = await addMember(deps, account.accountId, team, { languages: ['ja'] })
    await setRouting(app, account.supervisor, team, { mode: 'round_robin', autoAssign: true })
    for (let i = 0; i < 3; i++) expect((await createTicketVia(app, account.agent.headers, { teamId: team })).assigneeId).toBe(ja.id)
    const stated = await createTicketVia(app, account.agent.headers, { teamId: team, ...english, customer: { email: `ja-${Date.now()}@example.jp`, language: 'ja' } })
    expect(stated.assigneeId).toBe(ja.id)
    const plain = [await createTicketVia(app, account.agent.headers, { teamId: team, ...english }), await createTicketVia(app, account.agent.headers, { teamId: team, ...english })]
    expect(plain.map((t) => t.assigneeId).sort()).toEqual([en.id, ja.id].sort())
    const skilled = await createTicketVia(app, account.agent.headers, { teamId: team, ...english, tags: ['skill:refund'] })
    expect(skilled.assigneeId).toBeNull()
  })

  it('routes by category to the owning team, re-routes when an agent goes offline, and serves VIPs first', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const billing = await addTeam(deps, account.accountId, 'Billing')
    const x = await addMember(deps, account.accountId, billing, { capacity: 1 })
    const y = await addMember(deps, account.accountId, billing, { capacity: 1, presence: 'offline' })
    await setRouting(app, account.supervisor, billing, { autoAssign: true })
    const put = await app.inject({ method: 'PUT', url: '/api/v1/routing/categories', headers: account.supervisor.headers, payload: { routes: { billing } } })
    expect(put.statusCode, put.body).toBe(200)
    expect((await app.inject({ method: 'PUT', url: '/api/v1/routing/categories', headers: account.agent.headers, payload: { routes: {} } })).statusCode).toBe(403)

    const first = await createTicketVia(app, account.agent.headers, { category: 'billing' })
    expect(first).toMatchObject({ teamId: billing, assigneeId: x.id })
    const plain = await createTicketVia(app, account.agent.headers, { category: 'billing' })
    const vip = await createTicketVia(app, account.agent.headers, { category: 'billing', customer: { email: `vip-${Date.now()}@example.jp` } })
    await deps.db.updateTable('customers').set({ is_vip: 1 }).where('id', '=', vip.customer.id).execute()
    expect([plain.assigneeId, vip.assigneeId]).toEqual([null, null])

    // y comes online with room for one: the VIP's ticket goes first though it came later.
    const on = await app.inject({ method: 'PATCH', url: '/api/v1/me/presence', headers: y.headers, payload: { presence: 'online' } })
    expect(on.json()).toMatchObject({ presence: 'online', rerouted: 1 })
    expect((await app.inject({ url: `/api/v1/tickets/${vip.id}`, headers: account.agent.headers })).json().assigneeId).toBe(y.id)

    // x goes offline: x's ticket is handed back and routed (y is full, so it waits in the queue).
    const off = await app.inject({ method: 'PATCH', url: '/api/v1/me/presence', headers: x.headers, payload: { presence: 'offline' } })
    expect(off.json()).toMatchObject({ presence: 'offline', rerouted: 0 })
    expect((await app.inject({ url: `/api/v1/tickets/${first.id}`, headers: account.agent.headers })).json().assigneeId).toBeNull()
    const events = await app.inject({ url: `/api/v1/tickets/${first.id}/events`, headers: account.agent.headers })
    expect((events.json().items as { type: string; after: unknown }[]).filter((e) => e.type === 'ticket.assignee_changed').map((e) => e.after)).toEqual([x.id, null])
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/me/presence', headers: x.headers, payload: { presence: 'busy' } })).statusCode).toBe(422)

    // Handed over to an auto-assigning team without an assignee: routed there at once.
    const support = await addTeam(deps, account.accountId, 'Front desk')
    const z = await addMember(deps, account.accountId, support)
    await setRouting(app, account.supervisor, support, { autoAssign: true })
    const moved = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${plain.id}`, headers: account.agent.headers, payload: { teamId: support } })
    expect(moved.json()).toMatchObject({ teamId: support, assigneeId: z.id })
  })
})
