import { describe, expect, it } from 'vitest'
import { addMember, addTeam, setRouting } from '../routing/routing-test-helpers.ts'
import { createTicketVia } from '../tickets/ticket-test-helpers.ts'
import { startTestApp } from '../test/test-app.ts'
import { testDialects } from '../test/dialects.ts'

describe.each(testDialects())('escalation on %s', (dialect) => {
  it('climbs tier 1 → tier 2 → tier 3 → supervisor, with events, notes, notifications and the queue', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const [t2, t3] = [await addTeam(deps, account.accountId, 'Tier 2'), await addTeam(deps, account.accountId, 'Tier 3')]
    await addMember(deps, account.accountId, t2, { tier: 1 })
    const senior = await addMember(deps, account.accountId, t2, { tier: 2 })
    const expert = await addMember(deps, account.accountId, t3, { tier: 3, presence: 'offline' })
    await setRouting(app, account.supervisor, account.teamId, { escalationSteps: [{ teamId: t2, tier: 2 }, { teamId: t3, tier: 3 }] })
    await setRouting(app, account.supervisor, t2, { autoAssign: true })
    const ticket = await createTicketVia(app, account.agent.headers, { teamId: account.teamId, assigneeId: account.agent.id })
    const escalate = (body: object, who = account.agent) => app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/escalate`, headers: who.headers, payload: body })

    const first = await escalate({ reason: 'beyond_authority', note: '返金額が上限を超えています', amount: 120_000 })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ fromTeamId: account.teamId, toTeamId: t2, toTier: 2, toSupervisor: false, amount: 120_000, status: 'open', assigneeId: senior.id })
    const t = (await app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: account.agent.headers })).json()
    expect(t).toMatchObject({ teamId: t2, assigneeId: senior.id })
    const notes = (await app.inject({ url: `/api/v1/tickets/${ticket.id}/messages`, headers: account.agent.headers })).json().items.filter((m: { kind: string }) => m.kind === 'note')
    expect(notes[0].body).toContain('返金額が上限を超えています')
    expect(notes[0].body).toContain('120,000')
    const inbox = await app.inject({ url: '/api/v1/notifications?unread=true', headers: senior.headers })
    expect(inbox.json().items).toMatchObject([{ kind: 'ticket.escalated', ticketId: ticket.id }])

    const second = await escalate({ reason: 'technical', note: 'DB の不整合' }, senior)
    expect(second.json()).toMatchObject({ fromTeamId: t2, toTeamId: t3, toTier: 3, assigneeId: null })
    expect((await app.inject({ url: '/api/v1/notifications', headers: expert.headers })).json().items).toHaveLength(1)
    const third = await escalate({ reason: 'complaint', note: '責任者をお願いします' }, account.supervisor)
    expect(third.json()).toMatchObject({ toSupervisor: true, toTeamId: t3 })
    expect((await escalate({ reason: 'complaint', note: 'again' })).statusCode).toBe(409)

    const events = (await app.inject({ url: `/api/v1/tickets/${ticket.id}/events?limit=100`, headers: account.supervisor.headers })).json().items as { type: string }[]
    expect(events.filter((e) => e.type === 'ticket.escalated')).toHaveLength(3)
    const queue = await app.inject({ url: '/api/v1/escalations?status=open', headers: account.supervisor.headers })
    expect(queue.json().items.map((e: { reason: string }) => e.reason)).toEqual(['beyond_authority', 'technical', 'complaint'])
    expect((await app.inject({ url: '/api/v1/escalations', headers: account.agent.headers })).statusCode).toBe(403)
    const resolved = await app.inject({ method: 'POST', url: `/api/v1/escalations/${first.json().id}/resolve`, headers: account.supervisor.headers })
    expect(resolved.json().status).toBe('resolved')
    const counts = await app.inject({ url: '/api/v1/escalations/counts', headers: account.supervisor.headers })
    expect(counts.json()).toMatchObject({ total: 3, byReason: { beyond_authority: 1, technical: 1, complaint: 1 } })
  })

  it('sends a threat to the legal team at urgent priority, visible only to legal and supervisors', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const legal = await addTeam(deps, account.accountId, 'Legal')
    const lawyer = await addMember(deps, account.accountId, legal, { presence: 'offline' })
    const put = await app.inject({ method: 'PUT', url: '/api/v1/routing/categories', headers: account.supervisor.headers, payload: { routes: { legal } } })
    expect(put.statusCode, put.body).toBe(200)
    const ticket = await createTicketVia(app, account.agent.headers, { teamId: account.teamId })
    const res = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/escalate`, headers: account.agent.headers, payload: { reason: 'threat_legal', note: '弁護士に相談すると言われました' } })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ toTeamId: legal, restricted: true })

    for (const who of [account.agent, account.partner]) {
      expect((await app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: who.headers })).statusCode).toBe(404)
      expect((await app.inject({ url: `/api/v1/tickets/${ticket.id}/messages`, headers: who.headers })).statusCode).toBe(404)
      const list = (await app.inject({ url: '/api/v1/tickets?limit=100', headers: who.headers })).json().items as { id: string }[]
      expect(list.map((t) => t.id)).not.toContain(ticket.id)
    }
    for (const who of [lawyer, account.supervisor, account.admin]) {
      const seen = await app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: who.headers })
      expect(seen.json()).toMatchObject({ priority: 'urgent', teamId: legal })
      expect((await app.inject({ url: '/api/v1/tickets?limit=100', headers: who.headers })).json().items.map((t: { id: string }) => t.id)).toContain(ticket.id)
    }
    const notified = await app.inject({ url: '/api/v1/notifications', headers: account.supervisor.headers })
    expect(notified.json().items).toHaveLength(1)
    expect((await app.inject({ url: '/api/v1/notifications', headers: lawyer.headers })).json().items).toHaveLength(1)
  })

  it('lets a partner team escalate its own tickets on the same path, visible to supervisors', async () => {
    const { app, account } = await startTestApp(dialect)
    await setRouting(app, account.supervisor, account.partnerTeamId, { escalationSteps: [{ teamId: account.teamId }] })
    const ticket = await createTicketVia(app, account.agent.headers, { teamId: account.partnerTeamId })
    const res = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/escalate`, headers: account.partner.headers, payload: { reason: 'customer_requested_supervisor', note: '上長を希望' } })
    expect(res.json()).toMatchObject({ toSupervisor: true, fromTeamId: account.partnerTeamId })
    const other = await createTicketVia(app, account.agent.headers, { teamId: account.partnerTeamId })
    const up = await app.inject({ method: 'POST', url: `/api/v1/tickets/${other.id}/escalate`, headers: account.partner.headers, payload: { reason: 'technical', note: '調査が必要' } })
    expect(up.json()).toMatchObject({ toTeamId: account.teamId })
    // Now in the main team: out of the partner's sight.
    expect((await app.inject({ url: `/api/v1/tickets/${other.id}`, headers: account.partner.headers })).statusCode).toBe(404)
    expect((await app.inject({ url: '/api/v1/escalations?status=open', headers: account.supervisor.headers })).json().items).toHaveLength(2)
    expect((await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/escalate`, headers: account.partner.headers, payload: { reason: 'nope', note: 'x' } })).statusCode).toBe(422)
  })
})
